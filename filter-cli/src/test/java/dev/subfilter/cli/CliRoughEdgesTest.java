package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 section 5: exit codes, flag names in messages, check --json, --limit, --keep-going, suggestions, help. */
class CliRoughEdgesTest {
  private static final String PROJ_UPDATE = "{\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"PROJ\", \"ID\": \"p1\", \"name\": \"B\"}}";

  @TempDir
  Path tmp;

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
  void exitCodes_oneMeaningEach() throws IOException {
    Path good = write("good.json", "{\"id\": \"p\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}");
    Path other = write("other.json", "{\"id\": \"t\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    Path bad = write("bad.json", "{\"id\": \"b\", \"objCode\": \"PROJ\", \"eventType\": \"UPDAET\"}");
    assertThat(Cli.withStdin(PROJ_UPDATE, "match", "-s", good.toString()).code()).isEqualTo(0);
    assertThat(Cli.withStdin(PROJ_UPDATE, "match", "-s", other.toString()).code()).isEqualTo(1);
    assertThat(Cli.withStdin(PROJ_UPDATE + "\n{\"x\": 1}\n", "match", "-s", good.toString()).code()).isEqualTo(5);
    assertThat(Cli.withStdin(PROJ_UPDATE, "match", "-s", bad.toString()).code()).isEqualTo(4);
    assertThat(Cli.run("check", bad.toString()).code()).isEqualTo(4);
    assertThat(Cli.run("check", good.toString()).code()).isEqualTo(0);
    assertThat(Cli.run("check", tmp.resolve("missing.json").toString()).code()).isEqualTo(3);
    assertThat(Cli.run("check", "--bogus", good.toString()).code()).isEqualTo(2);
    assertThat(Cli.withStdin(PROJ_UPDATE, "explain", "-s", bad.toString()).code()).isEqualTo(4);
  }

  @Test
  void help_listsEveryExitCode() {
    String help = Cli.run("--help").out();
    assertThat(help).contains("Exit codes:").containsPattern("\\n  0 +ok: ").containsPattern("\\n  1 +no event matched")
        .containsPattern("\\n  4 +invalid subscriptions").containsPattern("\\n  5 +invalid events").containsPattern("\\n  70 +internal error");
    assertThat(Cli.run("match", "--help").out()).containsPattern("\\n  4 +a subscription has a problem").containsPattern("\\n  5 +some events were bad");
  }

  @Test
  void checkHelp_doesNotBreakJsonAcrossLines() {
    for (String line : Cli.run("check", "--help").outLines()) {
      assertThat(line.strip()).doesNotStartWith("json").doesNotEndWith("*.").doesNotEndWith(" .");
    }
  }

  @Test
  void checkJson_oneObjectPerProblem_countOnStderr() throws IOException {
    Path f = write("subs.json", "[{\"objCode\": \"PROJ\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\", \"comparison\": \"change\"}]},"
        + " {\"objCode\": \"task\", \"eventType\": \"UPDATE\", \"url\": 5}]");
    Cli.Run r = Cli.run("check", "--json", f.toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines()).hasSize(3);
    JsonNode first = json(r.outLines().get(0));
    assertThat(first.get("file").asText()).isEqualTo(f.toString());
    assertThat(first.get("pointer").asText()).isEqualTo("/0/filters/0/comparison");
    assertThat(first.get("message").asText()).endsWith("did you mean \"changed\"?");
    assertThat(json(r.outLines().get(1)).get("pointer").asText()).isEqualTo("/1/url");
    assertThat(json(r.outLines().get(2)).get("pointer").asText()).isEqualTo("/1/objCode");
    assertThat(r.err()).contains("0 subscriptions in 1 file valid; 3 problems");
  }

  @Test
  void limit_everySetting_byName() throws IOException {
    Path f = write("subs.json", "{\"objCode\": \"PROJ\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\", \"fieldValue\": 1},"
        + " {\"fieldName\": \"b\", \"fieldValue\": 2}]}");
    Cli.Run tight = Cli.run("check", "--limit", "maxFilters=1", f.toString());
    assertThat(tight.code()).isEqualTo(4);
    assertThat(tight.out()).contains("2 filters and groups exceed the limit of 1; raise --limit maxFilters=N");
    assertThat(Cli.run("check", "--limit", "maxFilters=2", f.toString()).code()).isZero();
    for (String name : dev.subfilter.Limits.names()) {
      assertThat(Cli.run("check", "--limit", name + "=1000", f.toString()).code()).as(name).isZero();
    }
    Cli.Run unknown = Cli.run("check", "--limit", "maxFilter=2", f.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("subfilter: --limit maxFilter=2: no limit maxFilter; the settings are maxGroupDepth,");
    Cli.Run notNumber = Cli.run("check", "--limit", "maxFilters=lots", f.toString());
    assertThat(notNumber.code()).isEqualTo(2);
    assertThat(notNumber.err()).startsWith("subfilter: --limit maxFilters=lots: expected a whole number");
    Cli.Run zero = Cli.run("check", "--limit", "maxFilters=0", f.toString());
    assertThat(zero.err()).startsWith("subfilter: --limit maxFilters=0: maxFilters must be from 1 to 2147483647, was 0");
  }

  @Test
  void limit_documentBytes_oneEventErrorFormat() throws IOException {
    Path subs = write("subs.json", "{\"id\": \"p\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}");
    String big = "{\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"PROJ\", \"name\": \"" + "x".repeat(300) + "\"}}";
    Cli.Run r = Cli.withStdin(big + "\n" + PROJ_UPDATE + "\n", "match", "--limit", "maxDocumentBytes=200", "-s", subs.toString());
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).contains("subfilter: <stdin>:1: invalid event: (root): document longer than 200 bytes (skipped unread); "
        + "raise --limit maxDocumentBytes=N");
    assertThat(r.outLines()).hasSize(1);
    Cli.Run raised = Cli.withStdin(big + "\n", "match", "--limit", "maxDocumentBytes=1000", "-s", subs.toString());
    assertThat(raised.code()).isZero();
    Cli.Run number = Cli.withStdin("{\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"PROJ\", \"n\": 123456}}\n", "match",
        "--limit", "maxJsonNumberLength=5", "-s", subs.toString());
    assertThat(number.err()).contains("<stdin>:1: invalid event: (root): a number of 6 digits exceeds the limit of 5; raise --limit maxJsonNumberLength=N");
  }

  @Test
  void keepGoing_skipsInvalidSubscriptions_matchesTheRest_exit4() throws IOException {
    Path subs = write("subs.json", "[{\"id\": \"ok\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"},"
        + " {\"id\": \"bad\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\", \"comparison\": \"eqq\", \"fieldValue\": 1}]}]");
    Cli.Run stop = Cli.withStdin(PROJ_UPDATE, "match", "-s", subs.toString());
    assertThat(stop.code()).isEqualTo(4);
    assertThat(stop.out()).isEmpty();
    assertThat(stop.err()).contains("match --keep-going skips them");
    Cli.Run go = Cli.withStdin(PROJ_UPDATE, "match", "--keep-going", "-s", subs.toString());
    assertThat(go.code()).isEqualTo(4);
    assertThat(go.outLines()).hasSize(1);
    assertThat(json(go.outLines().get(0)).get("matched").toString()).isEqualTo("[\"ok\"]");
    assertThat(go.errLines()).anyMatch(l -> l.startsWith(subs + ":/1/filters/0/comparison: unknown comparison \"eqq\""))
        .anyMatch(l -> l.equals("subfilter: 1 problem in the subscriptions; those subscriptions are skipped (--keep-going)"));
  }

  @Test
  void mistypedOption_getsSuggestion() throws IOException {
    Path subs = write("subs.json", "{\"id\": \"p\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}");
    Cli.Run r = Cli.withStdin(PROJ_UPDATE, "match", "--keep-goin", "-s", subs.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean").contains("--keep-going");
    assertThat(Cli.run("check", "--jsn", subs.toString()).err()).contains("--json");
  }

  @Test
  void messages_nameCliFlags_notJavaApi() throws IOException {
    Path subs = write("subs.json", "{\"id\": \"p\", \"objCode\": \"TASK\", \"eventType\": \"task.status-changed\"}");
    Cli.Run signed = Cli.withStdin("{\"jwt\": \"a.b.c\"}", "match", "--format", "4me", "-s", subs.toString());
    assertThat(signed.err()).contains("--4me-public-key").doesNotContain("FourMeAdapter");
    Path wf = write("wf.json", "{\"id\": \"w\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"a\", \"comparison\": \"exists\"}]}");
    Cli.Run mode = Cli.run("check", "--mode", "workfront", wf.toString());
    assertThat(mode.out()).contains("(use --mode extended)").doesNotContain("Limits.");
  }
}
