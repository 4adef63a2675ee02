package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  private static final String SUBS = example("subscriptions.json");
  private static final String EVENTS = example("events.ndjson");

  @TempDir
  Path tmp;

  private static String line(int n) throws IOException {
    return Files.readAllLines(Path.of(EVENTS), StandardCharsets.UTF_8).get(n - 1);
  }

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static JsonNode json(String line) {
    try {
      return CliJson.OUT.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void explain_oneSubscriptionOneEvent_fullTreeInPlainWords() throws IOException {
    Cli.Run r = Cli.withStdin(line(4), "explain", "--subscription", SUBS, "--id", "tasks-completed-again");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        <stdin>:1  workfront UPDATE  TASK 6391f0a2000012c3e1b7a0d5f0c9e8a2
          tasks-completed-again: no match: /filters/0 name contains "again": name is "Plan the launch", which does not contain "again"
            pass  eventType UPDATE
            pass  objCode TASK
            FAIL  filters AND: 3 of 3 filters are false
              FAIL  /filters/0  name contains "again"
                    saw newState.name = "Plan the launch"
                    why: name is "Plan the launch", which does not contain "again"
              FAIL  /filters/1  status eq "CPL"
                    saw newState.status = "INP"
                    why: status is "INP", not "CPL"
              FAIL  /filters/2  status changed
                    saw oldState.status = "INP", newState.status = "INP"
                    why: unchanged: status is "INP" in both oldState and newState
        """);
  }

  @Test
  void explain_treeIsTheLibrarysExplanationIndented() throws IOException {
    Cli.Run r = Cli.withStdin(line(8), "explain", "-s", SUBS, "--id", "4me-project-tasks-started");

    SubfilterJson json = SubfilterJson.create();
    Event e = ((dev.subfilter.jackson.Delivery.Received) dev.subfilter.jackson.FourMeAdapter.create()
        .read(line(8).getBytes(StandardCharsets.UTF_8), java.util.Map.of())).event();
    String text = json.readSubscription("{\"objCode\": \"PROJECT_TASK\", \"eventType\": \"UPDATE\", \"filters\": ["
        + "{\"fieldName\": \"status\", \"fieldValue\": \"in_progress\"}, {\"fieldName\": \"status\", \"comparison\": \"changed\"}]}")
        .compile().explain(e).toText();
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).isEqualTo("<stdin>:1  4me project_task.update (UPDATE)  PROJECT_TASK 24554  (old state unknown)");
    assertThat(lines.get(1)).isEqualTo("  4me-project-tasks-started: " + text.split("\n")[0]);
    assertThat(String.join("\n", lines.subList(2, lines.size())) + "\n").isEqualTo(text.substring(text.indexOf('\n') + 1).replaceAll("(?m)^", "    "));
    assertThat(r.out()).contains("why: old state unknown: the event carries no oldState");
  }

  @Test
  void explain_examples_everyEventExplained_gateMismatchesOnOneLine() {
    Cli.Run r = Cli.run("explain", "-s", SUBS, EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.out().split("\n\n")).hasSize(11);
    assertThat(r.out()).contains("  4me-tasks-completed: match\n");
    assertThat(r.out()).contains("  cmp-jira-work: no match: /filters/0 external_work eq {\"fields\":{\"external_system\":\"Jira\"}}: "
        + "external_work.external_system is \"Trello\" (wanted eq \"Jira\")");
    assertThat(r.outLines()).filteredOn(l -> l.startsWith("  not for this event")).hasSize(11);
    assertThat(r.out()).doesNotContain("\u001b[");
  }

  @Test
  void explain_all_explainsGateMismatchesInFull() throws IOException {
    Cli.Run r = Cli.withStdin(line(1), "explain", "-s", SUBS, "--all");

    assertThat(r.out()).doesNotContain("not for this event");
    assertThat(r.out()).contains("  cmp-comments-added: no match: gate mismatch: the event's eventType is UPDATE, not CREATE\n");
    assertThat(r.out()).contains("    FAIL  objCode gate mismatch: the event's objCode is PROJ, not EXTERNAL_SUB_STEP_COMMENT\n");
  }

  @Test
  void explain_json_oneLinePerEventAndSubscription() throws IOException {
    Cli.Run r = Cli.withStdin(line(8), "explain", "-s", SUBS, "--json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.outLines()).hasSize(10);
    JsonNode started = r.outLines().stream().map(ExplainCommandTest::json)
        .filter(n -> n.get("subscription").asText().equals("4me-project-tasks-started")).findFirst().orElseThrow();
    assertThat(started.get("event").asText()).isEqualTo("<stdin>:1");
    assertThat(started.get("matched").asBoolean()).isFalse();
    JsonNode changed = started.get("explanation").get("filters").get("children").get(1);
    assertThat(changed.get("reason").asText()).isEqualTo("old-state-unknown");
    assertThat(changed.get("seen").get(0).get("presence").asText()).isEqualTo("state-unknown");
    assertThat(started.get("explanation").get("why").asText()).startsWith("/filters/1 status changed: old state unknown");
  }

  @Test
  void explain_colour_onlyOnATerminalOrWhenAsked() throws IOException {
    String event = line(6);
    Cli.Run piped = Cli.withStdin(event, "explain", "-s", SUBS, "--id", "4me-tasks-completed");
    Cli.Run always = Cli.withStdin(event, "explain", "-s", SUBS, "--id", "4me-tasks-completed", "--color=always");
    Cli.Run terminal = Cli.run(event, true, "explain", "-s", SUBS, "--id", "4me-tasks-completed");
    Cli.Run never = Cli.run(event, true, "explain", "-s", SUBS, "--id", "4me-tasks-completed", "--color", "never");

    assertThat(piped.out()).doesNotContain("\u001b[");
    assertThat(always.out()).contains("\u001b[32mpass\u001b[0m").contains("\u001b[1;32mmatch\u001b[0m");
    assertThat(terminal.out()).isEqualTo(always.out());
    assertThat(never.out()).isEqualTo(piped.out());
    assertThat(always.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(piped.out());
  }

  @Test
  void explain_badEventAmongGood_reportedAndSkipped() throws IOException {
    Path events = write("events.ndjson", line(6) + "\nnot json\n" + line(7) + "\n");

    Cli.Run r = Cli.run("explain", "-s", SUBS, "--id", "4me-tasks-completed", events.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("subfilter: " + events + ":2: invalid event: ");
    assertThat(r.out()).contains(events + ":1  4me task.status-changed").contains(events + ":3  4me project_task.status-changed");
  }

  @Test
  void explain_unknownId_isAUsageError() {
    Cli.Run r = Cli.run("explain", "-s", SUBS, "--id", "nope", EVENTS);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("no subscription with id \"nope\"; the ids are projects-renamed, new-current-projects");
  }

  @Test
  void explain_badSubscription_problemsThenExit1() throws IOException {
    Path subs = write("s.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\"}]}");

    Cli.Run r = Cli.run("explain", "-s", subs.toString(), EVENTS);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().get(0)).startsWith(subs + ":/filters/0");
  }

  @Test
  void explain_emptyStandardInput_exit1() {
    Cli.Run r = Cli.withStdin("", "explain", "-s", SUBS);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("subfilter: no events in standard input\n");
  }
}
