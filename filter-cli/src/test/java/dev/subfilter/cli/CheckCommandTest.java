package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void check_examples_noProblems() {
    Cli.Run r = Cli.run("check", example("subscriptions.json"));

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("10 subscriptions in 1 file: no problems\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void check_everyProblemAsFilePointerMessage_exit4() throws IOException {
    Path f = write("subs.json", """
        [ {"id": "a", "objCode": "TASK", "eventType": "update"},
          {"id": "b", "objCode": "TASK", "eventType": "UPDATE", "filters": [
             {"fieldName": "status", "comparison": "eqq", "fieldValue": "CPL"},
             {"type": "group", "filters": [{"fieldName": "x", "fieldValue": 1}]}]},
          {"id": "c", "objCode": "TASK", "eventType": "UPDATE", "colour": "red"},
          {"id": "d", "objCode": "TASK", "eventType": "DELETE"} ]
        """);

    Cli.Run r = Cli.run("check", f.toString());

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines()).hasSize(5);
    assertThat(r.outLines().get(0)).startsWith(f + ":/0/eventType: ");
    assertThat(r.outLines().get(1)).startsWith(f + ":/1/filters/0/comparison: unknown comparison \"eqq\"");
    assertThat(r.outLines().get(2)).startsWith(f + ":/1/filters/1/filters: ");
    assertThat(r.outLines().get(3)).startsWith(f + ":/2/colour: ");
    assertThat(r.outLines().get(4)).isEqualTo("1 subscription in 1 file valid; 4 problems");
  }

  @Test
  void check_keyWithLineBreaks_eachProblemStillOneLine() throws IOException {
    Path f = write("subs.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"a\\nb\": 1,"
        + " \"filters\": [{\"fieldName\": \"x\", \"fieldValue\": 1, \"bad\\r\": 2}]}");

    Cli.Run r = Cli.run("check", f.toString());

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines()).hasSize(3);
    assertThat(r.outLines().get(0)).startsWith(f + ":/a\\nb: unknown key \"a\\nb\"; ");
    assertThat(r.outLines().get(1)).startsWith(f + ":/filters/0/bad\\r: unknown key \"bad\\r\"; ");
    assertThat(r.outLines().get(2)).isEqualTo("0 subscriptions in 1 file valid; 2 problems");
  }

  @Test
  void check_folder_readsItsJsonFiles() throws IOException {
    write("dir/a.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    write("dir/nested/b.json", "[{\"objCode\": \"PROJ\", \"eventType\": \"CREATE\"}, {\"objCode\": \"PROJ\", \"eventType\": \"DELETE\"}]");
    write("dir/notes.txt", "not a subscription");
    write("dir/.hidden/c.json", "broken");

    Cli.Run r = Cli.run("check", tmp.resolve("dir").toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("3 subscriptions in 2 files: no problems\n");
  }

  @Test
  void check_pastedFromTheDocs_needsLenient() throws IOException {
    Path f = write("pasted.json", """
        {
            "objCode": "TASK",
            "eventType": "UPDATE",
            "filters": [
                { "fieldName": "name", "fieldValue": "again", "comparison": "contains" },
            ],
            "filterConnector": 'AND'
        }
        """);

    Cli.Run strict = Cli.run("check", f.toString());
    Cli.Run lenient = Cli.run("check", "--lenient", f.toString());

    assertThat(strict.code()).isEqualTo(4);
    assertThat(strict.outLines().get(0)).startsWith(f + ":(root): not valid JSON: ").contains("(line 6, column").endsWith("try --lenient");
    assertThat(lenient.code()).isZero();
    assertThat(lenient.out()).isEqualTo("1 subscription in 1 file: no problems\n");
  }

  @Test
  void check_workfrontMode_rejectsExtensions() throws IOException {
    Path f = write("s.json", "{\"objCode\": \"TASK\", \"eventType\": \"task.update\"}");

    assertThat(Cli.run("check", f.toString()).code()).isZero();
    Cli.Run r = Cli.run("check", "--mode=workfront", f.toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines().get(0)).startsWith(f + ":/eventType: ");
  }

  @Test
  void check_emptyAndOddFiles_areProblems() throws IOException {
    Path empty = write("empty.json", "");
    Path string = write("string.json", "\"TASK\"");
    Path none = write("none.json", "[]");

    Cli.Run r = Cli.run("check", empty.toString(), string.toString(), none.toString());

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines()).containsExactly(
        empty + ":(root): empty file; expected a subscription object or an array of them",
        string + ":(root): expected a subscription object or an array of them, found a string",
        none + ":(root): an empty array; expected subscriptions in it",
        "0 subscriptions in 3 files valid; 3 problems");
  }

  @Test
  void check_missingFile_exit3() throws IOException {
    Path ok = write("ok.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");

    Cli.Run r = Cli.run("check", ok.toString(), tmp.resolve("missing.json").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("subfilter: " + tmp.resolve("missing.json") + ": no such file or folder\n");
    assertThat(r.out()).isEqualTo("1 subscription in 1 file: no problems\n");
  }

  @Test
  void check_noFiles_isAUsageError() {
    Cli.Run r = Cli.run("check");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("subfilter: Missing required parameter: 'FILE'");
  }

  @Test
  void check_standardInput_dash() {
    Cli.Run good = Cli.withStdin("{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}", "check", "-");
    Cli.Run bad = Cli.withStdin("{\"objCode\": \"TASK\"}", "check", "-");

    assertThat(good.code()).isZero();
    assertThat(good.out()).isEqualTo("1 subscription in 1 file: no problems\n");
    assertThat(bad.code()).isEqualTo(4);
    assertThat(bad.outLines().get(0)).startsWith("<stdin>:/eventType: ");
  }

  @Test
  void check_extendedOperatorProblems_reportedLikeEveryOther() throws IOException {
    Path f = write("extended.json", """
        [ {"id": "ok", "objCode": "TASK", "eventType": "UPDATE", "filters": [
             {"fieldName": "name", "fieldValue": "Des", "comparison": "startsWith", "ignoreCase": true},
             {"fieldName": "status", "fieldValue": ["CUR", "NEW"], "comparison": "in"}]},
          {"id": "bad", "objCode": "TASK", "eventType": "UPDATE", "filters": [
             {"fieldName": "name", "fieldValue": "a\\\\b", "comparison": "like"},
             {"fieldName": "status", "fieldValue": [], "comparison": "notIn"},
             {"fieldName": "priority", "fieldValue": 1, "comparison": "gt", "ignoreCase": true}]} ]
        """);

    Cli.Run r = Cli.run("check", f.toString());
    Cli.Run workfront = Cli.run("check", "--mode", "workfront", f.toString());

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.outLines()).containsExactly(
        f + ":/1/filters/0/fieldValue: the like pattern has a backslash before 'b' (character 2); a backslash escapes only * and \\ (write \\\\ for a backslash)",
        f + ":/1/filters/1/fieldValue: notIn needs a non-empty array of values; an empty list excludes nothing",
        f + ":/1/filters/2/ignoreCase: ignoreCase applies to eq, ne, contains, notContains, containsOnly, startsWith, endsWith, like, in and notIn, not to gt",
        "1 subscription in 1 file valid; 3 problems");
    assertThat(workfront.outLines()).contains(
        f + ":/0/filters/0/comparison: comparison \"startsWith\" is an extended-mode feature; Workfront accepts eq, ne, gt, gte, lt, lte, contains, "
            + "notContains, containsOnly, changed (use --mode extended)",
        f + ":/0/filters/0/ignoreCase: ignoreCase is an extended-mode feature; Workfront compares strings case-sensitively (use --mode extended)");
  }
}
