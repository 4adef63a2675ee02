package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCommandTest {
  private static final Path BUNDLED = Cli.ROOT.resolve("spec-tests/src/test/resources/spec");

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void spec_bundledSpecFiles_allPass() {
    Cli.Run r = Cli.run("spec", BUNDLED.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).matches("[0-9]+ passed, 0 failed\n");
    assertThat(Integer.parseInt(r.out().split(" ")[0])).isGreaterThanOrEqualTo(150);
    assertThat(r.code()).isZero();
  }

  @Test
  void spec_failingCase_printedWithFileAndName_exit1() throws IOException {
    Path f = write("mine.json", """
        { "suite": "mine", "source": "a test",
          "cases": [
            { "name": "eq holds", "subscription": {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "a", "fieldValue": 1}]},
              "event": {"eventType": "UPDATE", "newState": {"objCode": "TASK", "a": 1}}, "expect": "match" },
            { "name": "wrongly expected", "subscription": {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "a", "fieldValue": 2}]},
              "event": {"eventType": "UPDATE", "newState": {"objCode": "TASK", "a": 1}}, "expect": "match" },
            { "name": "cmp reads", "subscription": {"objCode": "EXTERNAL_SUB_STEP", "eventType": "UPDATE"}, "eventFormat": "cmp",
              "event": {"event_name": "external_sub_step_started", "data": {}}, "expect": "invalid-event" } ] }
        """);

    Cli.Run r = Cli.run("spec", f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly(
        "FAIL  " + f + " › wrongly expected: expected match but got no-match: /filters/0 a eq 2: a is 1, not 2",
        "FAIL  " + f + " › cmp reads: expected invalid-event but subscription and event were read: "
            + "Event[cmp external_sub_step_started EXTERNAL_SUB_STEP UPDATE]",
        "1 passed, 2 failed");
  }

  @Test
  void spec_verbose_listsPassingCasesToo() throws IOException {
    Path f = write("ok.json", """
        { "suite": "ok", "source": "a test", "cases": [
            { "name": "gate", "subscription": {"objCode": "TASK", "eventType": "UPDATE"},
              "event": {"eventType": "UPDATE", "newState": {"objCode": "TASK"}}, "expect": "match" } ] }
        """);

    Cli.Run r = Cli.run("spec", "-v", f.toString());

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).containsExactly("pass  " + f + " › gate", "1 passed, 0 failed");
  }

  @Test
  void spec_malformedFile_countsAsAFailure() throws IOException {
    Path broken = write("dir/broken.json", "{ \"suite\": ");
    Path shapeless = write("dir/shapeless.json", "{ \"cases\": [] }");
    Path typo = write("dir/typo.json", "{ \"suite\": \"s\", \"source\": \"s\", \"cases\": [{\"name\": \"n\", \"expectt\": \"match\"}] }");

    Cli.Run r = Cli.run("spec", tmp.resolve("dir").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.outLines()).hasSize(4);
    assertThat(r.outLines().get(0)).startsWith("FAIL  " + broken + ": not a readable spec file: ");
    assertThat(r.outLines().get(1)).isEqualTo("FAIL  " + shapeless + ": a spec file has \"suite\", \"source\" and \"cases\"");
    assertThat(r.outLines().get(2)).startsWith("FAIL  " + typo + ": case \"n\" has unknown key \"expectt\"");
    assertThat(r.outLines().get(3)).isEqualTo("0 passed, 3 failed");
  }

  @Test
  void spec_missingPath_exit3() {
    Cli.Run r = Cli.run("spec", tmp.resolve("nope").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("subfilter: " + tmp.resolve("nope") + ": no such file or folder\n");
    assertThat(r.out()).isEqualTo("0 passed, 0 failed\n");
  }

  @Test
  void spec_standardInput_dash() {
    String spec = "{ \"suite\": \"s\", \"source\": \"s\", \"cases\": [{\"name\": \"gate\", "
        + "\"subscription\": {\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}, "
        + "\"event\": {\"eventType\": \"UPDATE\", \"newState\": {\"objCode\": \"PROJ\"}}, \"expect\": \"match\"}] }";

    Cli.Run r = Cli.withStdin(spec, "spec", "-");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly(
        "FAIL  <stdin> › gate: expected match but got no-match: gate mismatch: the event's objCode is PROJ, not TASK",
        "0 passed, 1 failed");
  }

  @Test
  void spec_emptyFolderOrInput_exit1() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));

    Cli.Run folder = Cli.run("spec", tmp.resolve("empty").toString());
    Cli.Run stdin = Cli.withStdin("", "spec", "-");

    assertThat(folder.code()).isEqualTo(1);
    assertThat(folder.err()).isEqualTo("subfilter: " + tmp.resolve("empty") + ": no .json spec files in this folder\n");
    assertThat(stdin.code()).isEqualTo(1);
    assertThat(stdin.outLines()).containsExactly("FAIL  <stdin>: a spec file has \"suite\", \"source\" and \"cases\"", "0 passed, 1 failed");
  }
}
