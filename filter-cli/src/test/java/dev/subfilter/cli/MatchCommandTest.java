package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
  private static final String SUBS = example("subscriptions.json");
  private static final String EVENTS = example("events.ndjson");

  private static final String PROJ_UPDATE = "{\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"PROJ\", \"ID\": \"p1\", \"name\": \"B\"}, "
      + "\"oldState\": {\"objCode\": \"PROJ\", \"ID\": \"p1\", \"name\": \"A\"}}";
  private static final String CMP_JIRA = "{\"event_name\": \"external_sub_step_modified\", \"data\": {\"sub_step\": {\"id\": \"s1\"}, "
      + "\"external_work\": {\"external_system\": \"Jira\"}}}";

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static JsonNode json(String line) {
    try {
      return CliJson.OUT.readTree(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void match_examples_oneLinePerEventWithTheIdsItMatched() throws IOException {
    Cli.Run r = Cli.run("match", "--subscriptions", SUBS, "--format", "auto", EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).hasSize(11);
    JsonNode third = json(r.outLines().get(2));
    assertThat(third.get("event").asText()).isEqualTo(EVENTS + ":3");
    assertThat(third.get("matched")).hasSize(2);
    assertThat(third.get("matched").get(0).asText()).isEqualTo("tasks-completed-again");
    assertThat(third.get("source").asText()).isEqualTo("workfront");
    assertThat(json(r.outLines().get(5)).get("name").asText()).isEqualTo("task.status-changed");
    assertThat(json(r.outLines().get(9)).get("source").asText()).isEqualTo("cmp");
    assertThat(json(r.outLines().get(7)).get("matched")).isEmpty();
  }

  @Test
  void match_count_printsOnlyTotals() throws IOException {
    Cli.Run r = Cli.run("match", "-s", SUBS, "--count", EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).hasSize(1);
    JsonNode totals = json(r.out());
    assertThat(totals.get("events").asLong()).isEqualTo(11);
    assertThat(totals.get("bad").asLong()).isZero();
    assertThat(totals.get("matchedEvents").asLong()).isEqualTo(9);
    assertThat(totals.get("matches").asLong()).isEqualTo(10);
    assertThat(totals.get("bySubscription").get("cmp-jira-work").asLong()).isEqualTo(1);
    assertThat(totals.get("bySubscription")).hasSize(10);
  }

  @Test
  void match_standardInput_dashOrNoEvents() throws IOException {
    Path subs = write("subs.json", "[{\"id\": \"renamed\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\", "
        + "\"filters\": [{\"fieldName\": \"name\", \"comparison\": \"changed\"}]}]");
    String stdin = PROJ_UPDATE + "\n\n" + CMP_JIRA + "\n";

    Cli.Run dash = Cli.withStdin(stdin, "match", "-s", subs.toString(), "-");
    Cli.Run none = Cli.withStdin(stdin, "match", "-s", subs.toString());

    assertThat(dash.code()).isZero();
    assertThat(dash.outLines()).hasSize(2);
    assertThat(json(dash.outLines().get(0)).get("event").asText()).isEqualTo("<stdin>:1");
    assertThat(json(dash.outLines().get(0)).get("matched").get(0).asText()).isEqualTo("renamed");
    assertThat(json(dash.outLines().get(1)).get("event").asText()).isEqualTo("<stdin>:3");
    assertThat(none.out()).isEqualTo(dash.out());
  }

  @Test
  void match_jsonArrayPrettyPayloadAndFolder_allRead() throws IOException {
    Path subs = write("subs.json", "{\"objCode\": \"EXTERNAL_SUB_STEP\", \"eventType\": \"UPDATE\"}");
    Path array = write("in/array.json", "[\n  " + CMP_JIRA + ",\n  " + CMP_JIRA + "\n]\n");
    Path pretty = write("in/one.json", "{\n  \"event_name\": \"external_sub_step_started\",\n  \"data\": {\n    \"sub_step\": {\"id\": \"s2\"}\n  }\n}\n");

    Cli.Run r = Cli.run("match", "-s", subs.toString(), tmp.resolve("in").toString());

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).extracting(l -> json(l).get("event").asText())
        .containsExactly(array + ":2", array + ":3", pretty + ":1");
    assertThat(r.outLines()).allSatisfy(l -> assertThat(json(l).get("matched").get(0).asText()).isEqualTo(subs.toString()));
  }

  @Test
  void match_badEvents_reportedWithPositionAndSkipped_exit1() throws IOException {
    Path subs = write("subs.json", "[{\"id\": \"renamed\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}]");
    Path events = write("events.ndjson", PROJ_UPDATE + "\n{\"eventType\": \"UPDATE\", \"newState\": \n"
        + "{\"eventType\": \"UPDATE\", \"newState\": {\"name\": \"no objCode\"}}\n[1]\n{\"nothing\": 1}\n" + PROJ_UPDATE + "\n");

    Cli.Run r = Cli.run("match", "-s", subs.toString(), events.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.outLines()).extracting(l -> json(l).get("event").asText()).containsExactly(events + ":1", events + ":6");
    assertThat(r.errLines()).hasSize(4);
    assertThat(r.errLines().get(0)).startsWith("subfilter: " + events + ":2: invalid event: (root): not valid JSON");
    assertThat(r.errLines().get(1)).isEqualTo("subfilter: " + events + ":3: invalid event: /newState/objCode: "
        + "missing; a Workfront state carries its objCode (in newState, or in oldState for a DELETE)");
    assertThat(r.errLines().get(2)).isEqualTo("subfilter: " + events + ":4: invalid event: (root): expected a webhook payload object, found an array");
    assertThat(r.errLines().get(3)).startsWith("subfilter: " + events + ":5: invalid event: (root): cannot tell the vendor (--format auto)");
  }

  @Test
  void match_explicitFormat_readsEveryEventAsThatVendor() throws IOException {
    Path subs = write("subs.json", "{\"id\": \"jira\", \"objCode\": \"EXTERNAL_SUB_STEP\", \"eventType\": \"UPDATE\"}");

    Cli.Run cmp = Cli.withStdin(CMP_JIRA, "match", "-s", subs.toString(), "--format", "cmp");
    Cli.Run workfront = Cli.withStdin(CMP_JIRA, "match", "-s", subs.toString(), "--format", "workfront");

    assertThat(cmp.code()).isZero();
    assertThat(workfront.code()).isEqualTo(1);
    assertThat(workfront.out()).isEmpty();
    assertThat(workfront.err()).contains("<stdin>:1: invalid event: /eventType: missing");
  }

  @Test
  void match_nothingMatches_exit1() throws IOException {
    Path subs = write("subs.json", "[{\"id\": \"deleted\", \"objCode\": \"PROJ\", \"eventType\": \"DELETE\"}]");

    Cli.Run r = Cli.withStdin(PROJ_UPDATE, "match", "-s", subs.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(json(r.out()).get("matched")).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void match_emptyInput_exit1WithANote() throws IOException {
    Path empty = write("empty.ndjson", "\n  \n");

    Cli.Run file = Cli.run("match", "-s", SUBS, empty.toString());
    Cli.Run stdin = Cli.withStdin("", "match", "-s", SUBS);

    assertThat(file.code()).isEqualTo(1);
    assertThat(file.out()).isEmpty();
    assertThat(file.err()).isEqualTo("subfilter: no events in " + empty + "\n");
    assertThat(stdin.code()).isEqualTo(1);
    assertThat(stdin.err()).isEqualTo("subfilter: no events in standard input\n");
  }

  @Test
  void match_badSubscriptions_everyProblemLocated_nothingMatched() throws IOException {
    Path subs = write("subs.json", "[{\"id\": \"ok\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"},\n"
        + " {\"id\": \"bad\", \"objCode\": \"TASK\", \"eventType\": \"update\", \"filters\": [{\"fieldName\": \"a\", \"comparison\": \"eqq\", \"fieldValue\": 1}]}]");

    Cli.Run r = Cli.run("match", "-s", subs.toString(), EVENTS);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(3);
    assertThat(r.errLines().get(0)).startsWith(subs + ":/1/eventType: ");
    assertThat(r.errLines().get(1)).startsWith(subs + ":/1/filters/0/comparison: unknown comparison \"eqq\"");
    assertThat(r.errLines().get(2)).isEqualTo("subfilter: 2 problems in the subscriptions; nothing was matched (subfilter check lists them too)");
  }

  @Test
  void match_subscriptionsNotJson_problemWithLenientHint() throws IOException {
    Path subs = write("subs.json", "{'objCode': 'TASK', 'eventType': 'UPDATE'}");

    Cli.Run strict = Cli.withStdin(PROJ_UPDATE, "match", "-s", subs.toString());
    Cli.Run lenient = Cli.withStdin("{\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"TASK\"}}", "match", "--lenient", "-s", subs.toString());

    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.errLines().get(0)).startsWith(subs + ":(root): not valid JSON: ").endsWith("try --lenient");
    assertThat(lenient.code()).isZero();
  }

  @Test
  void match_missingFiles_exit3_oneLineEach() throws IOException {
    Cli.Run noSubs = Cli.run("match", "-s", tmp.resolve("nope.json").toString(), EVENTS);
    Cli.Run noEvents = Cli.run("match", "-s", SUBS, tmp.resolve("nope.ndjson").toString(), EVENTS);

    assertThat(noSubs.code()).isEqualTo(3);
    assertThat(noSubs.err()).isEqualTo("subfilter: " + tmp.resolve("nope.json") + ": no such file or folder\n");
    assertThat(noEvents.code()).isEqualTo(3);
    assertThat(noEvents.errLines()).containsExactly("subfilter: " + tmp.resolve("nope.ndjson") + ": no such file or folder");
    assertThat(noEvents.outLines()).hasSize(11);
  }

  @Test
  void match_subscriptionsWithoutIds_namedByFileAndIndex() throws IOException {
    Path subs = write("subs.json", "[{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}, {\"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}]");

    Cli.Run r = Cli.withStdin(PROJ_UPDATE, "match", "-s", subs.toString());

    assertThat(json(r.out()).get("matched").get(0).asText()).isEqualTo(subs + "#1");
  }

  @Test
  void match_duplicateIds_areAProblem() throws IOException {
    Path a = write("a.json", "{\"id\": \"x\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    Path b = write("b.json", "[{\"id\": \"x\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}]");

    Cli.Run r = Cli.withStdin(PROJ_UPDATE, "match", "-s", a.toString(), "-s", b.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines().get(0)).isEqualTo(b + ":/0/id: duplicate id \"x\"; also used by " + a);
  }

  @Test
  void match_usageErrors_exit2_oneLine() {
    Cli.Run missing = Cli.run("match", EVENTS);
    Cli.Run format = Cli.run("match", "-s", SUBS, "--format", "bitbucket", EVENTS);
    Cli.Run mode = Cli.run("match", "-s", SUBS, "--mode", "strict", EVENTS);
    Cli.Run typo = Cli.run("match", "-s", SUBS, "--cout", EVENTS);

    for (Cli.Run r : List.of(missing, format, mode, typo)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).startsWith("subfilter: ").contains("see 'subfilter match --help'");
    }
    assertThat(missing.err()).contains("Missing required option: '--subscriptions=FILE|DIR'");
    assertThat(format.err()).contains("'--format': 'bitbucket' (expected one of auto, workfront, 4me, cmp, github, gitlab, jira, stripe, standard-webhooks)");
    assertThat(typo.err()).contains("Unknown option: '--cout'").contains("did you mean --count?");
  }

  @Test
  void match_stackTraceOnlyWithDebug() {
    Cli.Run plain = Cli.run("match", "-s", SUBS, "--4me-public-key", tmp.resolve("missing.pem").toString(), EVENTS);
    Cli.Run debug = Cli.run("match", "-s", SUBS, "--debug", "--4me-public-key", tmp.resolve("missing.pem").toString(), EVENTS);

    assertThat(plain.code()).isEqualTo(3);
    assertThat(plain.errLines()).hasSize(1);
    assertThat(plain.err()).startsWith("subfilter: " + tmp.resolve("missing.pem") + ": cannot read the 4me public key");
    assertThat(debug.code()).isEqualTo(3);
    assertThat(debug.err()).contains("\tat dev.subfilter.cli.");
  }

  @Test
  void match_onATerminal_closingLineOnStderr() {
    Cli.Run terminal = Cli.onTerminal("match", "-s", SUBS, EVENTS);
    Cli.Run piped = Cli.run("match", "-s", SUBS, EVENTS);

    assertThat(terminal.code()).isZero();
    assertThat(terminal.out()).isEqualTo(piped.out());
    assertThat(terminal.errLines()).hasSize(1);
    assertThat(terminal.err()).matches("(?s)11 events read in [0-9.]+ s: 9 matched, 10 matches, [0-9,]+ events/s\n");
    assertThat(piped.err()).isEmpty();
  }

  @Test
  void match_workfrontMode_rejectsExtensions() throws IOException {
    Path subs = write("subs.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\", \"comparison\": \"exists\"}]}");

    assertThat(Cli.withStdin(PROJ_UPDATE, "match", "-s", subs.toString()).err()).isEmpty();
    Cli.Run r = Cli.withStdin(PROJ_UPDATE, "match", "--mode", "workfront", "-s", subs.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines().get(0)).startsWith(subs + ":/filters/0/comparison: ");
  }

  @Test
  void match_standardInputOnATerminal_saysHowToEndIt() {
    Cli.Run r = Cli.run("", true, "match", "-s", SUBS);

    assertThat(r.errLines()).startsWith("subfilter: reading events from standard input; end with Ctrl-D",
        "subfilter: no events in standard input");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void match_subscriptionsFromStandardInput_eventsFromFiles() {
    Cli.Run r = Cli.withStdin("{\"id\": \"jira\", \"objCode\": \"EXTERNAL_SUB_STEP\", \"eventType\": \"UPDATE\"}",
        "match", "-s", "-", "--count", EVENTS);
    Cli.Run both = Cli.withStdin("{}", "match", "-s", "-");

    assertThat(r.code()).isZero();
    assertThat(json(r.out()).get("bySubscription").get("jira").asLong()).isEqualTo(2);
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("standard input can hold the subscriptions (-s -) or the events, not both");
  }
}
