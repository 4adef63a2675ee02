package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubscriptionLoader.FileProblem;
import dev.subfilter.jackson.SubscriptionLoader.Input;
import dev.subfilter.jackson.SubscriptionLoader.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionLoaderTest {
  private static final String TASK = "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}";
  private static final SubscriptionLoader LOADER = SubscriptionLoader.create();

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static Subscription task() {
    return SubfilterJson.create().readSubscription(TASK);
  }

  @Test
  void load_arrayFile_idsFromIdKeyElseFileHashIndex() throws IOException {
    Path f = write("subs.json", "[{\"id\": \"done\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}, " + TASK + ", "
        + "{\"id\": 42, \"objCode\": \"PROJ\", \"eventType\": \"CREATE\"}, {\"id\": 1.50, \"objCode\": \"PROJ\", \"eventType\": \"DELETE\"}]");

    Result r = LOADER.load(f);

    assertThat(r.problems()).isEmpty();
    assertThat(r.unreadable()).isEmpty();
    assertThat(r.documents()).isEqualTo(1);
    assertThat(r.subscriptions().keySet()).containsExactly("done", f + "#1", "42", "1.50");
    assertThat(r.subscriptions().get(f + "#1")).isEqualTo(task());
    assertThat(r.subscriptions().get("42").objCode()).isEqualTo("PROJ");
    assertThat(r.isValid()).isTrue();
  }

  @Test
  void origin_eachSubscriptionsFileAndPointer_nullForOthers() throws IOException {
    Path many = write("many.json", "[" + TASK + ", {\"id\": \"b\", \"objCode\": \"TASK\", \"eventType\": \"CREATE\"}]");
    Path one = write("one.json", "{\"id\": \"c\", \"objCode\": \"TASK\", \"eventType\": \"DELETE\"}");

    Result r = LOADER.load(many, one);

    assertThat(r.origin("b")).isEqualTo(new SubscriptionLoader.Origin(many.toString(), "/1"));
    assertThat(r.origin(many + "#0")).isEqualTo(new SubscriptionLoader.Origin(many.toString(), "/0"));
    assertThat(r.origin("c")).isEqualTo(new SubscriptionLoader.Origin(one.toString(), ""));
    assertThat(r.origin("d")).isNull();
  }

  @Test
  void load_oneObjectFile_idIsTheFile() throws IOException {
    Path f = write("one.json", TASK);

    assertThat(LOADER.load(f).orThrow()).containsExactly(java.util.Map.entry(f.toString(), task()));
  }

  @Test
  void load_folder_jsonFilesRecursivelyInPathOrder_hiddenAndOtherFilesSkipped() throws IOException {
    write("dir/b.json", "{\"id\": \"b\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    write("dir/a/z.JSON", "{\"id\": \"a/z\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    write("dir/a.json", "{\"id\": \"a\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    write("dir/notes.txt", "not a subscription");
    write("dir/.hidden/c.json", "broken");
    write("dir/.d.json", "broken");

    Result r = LOADER.load(tmp.resolve("dir"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.subscriptions().keySet()).containsExactly("a", "a/z", "b"); // dir/a.json, dir/a/z.JSON, dir/b.json
    assertThat(r.documents()).isEqualTo(3);
  }

  @Test
  void load_emptyFolder_isAProblem() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    write("empty/readme.txt", "no subscriptions here");

    Result r = LOADER.load(dir);

    assertThat(r.problems()).containsExactly(new FileProblem(dir.toString(), "", "no .json files in this folder"));
    assertThat(r.isValid()).isFalse();
  }

  @Test
  void load_problemsOfAllFiles_locatedFromEachFilesRoot_validOnesKept() throws IOException {
    Path a = write("a.json", """
        [ {"id": "a1", "objCode": "TASK", "eventType": "update"},
          {"id": "a2", "objCode": "TASK", "eventType": "UPDATE", "filters": [
             {"fieldName": "status", "comparison": "eqq", "fieldValue": "CPL"}]},
          {"id": "a3", "objCode": "TASK", "eventType": "UPDATE"} ]""");
    Path b = write("b.json", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"colour\": \"red\"}");

    Result r = LOADER.load(a, b);

    assertThat(r.problems()).extracting(FileProblem::file, FileProblem::pointer).containsExactly(
        org.assertj.core.groups.Tuple.tuple(a.toString(), "/0/eventType"),
        org.assertj.core.groups.Tuple.tuple(a.toString(), "/1/filters/0/comparison"),
        org.assertj.core.groups.Tuple.tuple(b.toString(), "/colour"));
    assertThat(r.problems().get(1).toString()).startsWith(a + ":/1/filters/0/comparison: unknown comparison \"eqq\"");
    assertThat(r.subscriptions().keySet()).containsExactly("a3");
    assertThat(r.documents()).isEqualTo(2);
  }

  @Test
  void load_duplicateIds_problemAtTheSecond_namingTheFirst() throws IOException {
    Path a = write("a.json", "[{\"id\": \"x\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}, " + TASK + "]");
    Path b = write("b.json", "[{\"id\": \"x\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}, "
        + "{\"id\": \"" + a + "#1\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}, "
        + "{\"id\": \"y\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}]");

    Result r = LOADER.load(a, b, a);

    assertThat(r.problems()).extracting(FileProblem::toString).containsExactly(
        b + ":/0/id: duplicate id \"x\"; also used by " + a + "#0",
        b + ":/1/id: duplicate id \"" + a + "#1\"; also used by " + a + "#1",
        a + ":/0/id: duplicate id \"x\"; also used by " + a + "#0",
        a + ":/1: duplicate id \"" + a + "#1\"; also used by " + a + "#1");
    assertThat(r.subscriptions().keySet()).containsExactly("x", a + "#1", "y");
    assertThat(r.subscriptions().get("x").objCode()).isEqualTo("TASK");
    assertThat(r.documents()).isEqualTo(3);
  }

  @Test
  void load_implicitIdTaken_problemAtTheSubscription() throws IOException {
    Path b = tmp.resolve("b.json");
    Path a = write("a.json", "{\"id\": \"" + b + "\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}");
    write("b.json", TASK);

    Result r = LOADER.load(a, b);

    assertThat(r.problems()).containsExactly(new FileProblem(b.toString(), "", "duplicate id \"" + b + "\"; also used by " + a));
  }

  @Test
  void load_idNotANonBlankStringOrNumber_isAProblemAtId() throws IOException {
    Path f = write("ids.json", """
        [ {"id": "", "objCode": "TASK", "eventType": "UPDATE"},
          {"id": "  ", "objCode": "TASK", "eventType": "UPDATE"},
          {"id": {"a": 1}, "objCode": "TASK", "eventType": "UPDATE"},
          {"id": true, "objCode": "TASK", "eventType": "UPDATE"},
          {"id": 1e999999, "objCode": "TASK", "eventType": "UPDATE"},
          {"id": "ok", "objCode": "TASK", "eventType": "UPDATE"},
          {"id": null, "objCode": "TASK", "eventType": "UPDATE"} ]""");

    Result r = LOADER.load(f);

    assertThat(r.problems()).extracting(FileProblem::pointer).containsExactly("/0/id", "/1/id", "/2/id", "/3/id", "/4/id");
    assertThat(r.problems()).extracting(FileProblem::message).allSatisfy(m -> assertThat(m)
        .contains("an id must be a non-blank string or a number (of at most 65536 digits; Limits.maxStringLength)"));
    assertThat(r.problems().get(0).message()).startsWith("found a blank string;");
    assertThat(r.problems().get(2).message()).startsWith("found an object;");
    assertThat(r.subscriptions().keySet()).containsExactly("ok", f + "#6"); // a null id is no id
  }

  @Test
  void load_notJson_oneProblem_noSubscriptionFromThatFile() throws IOException {
    Path f = write("broken.json", "[" + TASK + ", {\"objCode\": \"TASK\" \"eventType\": \"UPDATE\"}]");
    Path ok = write("ok.json", TASK);

    Result r = LOADER.load(f, ok);

    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).file()).isEqualTo(f.toString());
    assertThat(r.problems().get(0).pointer()).isEmpty();
    assertThat(r.problems().get(0).message()).startsWith("not valid JSON: Unexpected character").contains("(line 1, column");
    assertThat(r.subscriptions().keySet()).containsExactly(ok.toString());
  }

  @Test
  void load_pastedFromTheDocs_strictHintsLenient_lenientReads() throws IOException {
    Path f = write("pasted.json", """
        {
            "objCode": "TASK",
            "eventType": "UPDATE",
            "filters": [
                { "fieldName": "name", "fieldValue": "again", "comparison": "contains" },
            ],
            // Workfront's docs
            "filterConnector": 'AND'
        }
        """);

    Result strict = LOADER.load(f);
    Result lenient = LOADER.lenient(true).load(f);

    assertThat(strict.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("not valid JSON: ").contains("(line 6, column").endsWith(SubscriptionLoader.LENIENT_HINT));
    assertThat(lenient.problems()).isEmpty();
    assertThat(lenient.subscriptions().get(f.toString()).filters()).hasSize(1);
    assertThat(LOADER.isLenient()).isFalse();
    assertThat(LOADER.lenient(true).isLenient()).isTrue();
    assertThat(LOADER.lenient(false)).isSameAs(LOADER);
  }

  @Test
  void load_oddDocuments_eachOneProblemAtRoot() {
    Result r = LOADER.load(List.of(
        Input.of("empty", new byte[0]),
        Input.of("blank", " \n\t ".getBytes(StandardCharsets.UTF_8)),
        Input.of("string", "\"TASK\"".getBytes(StandardCharsets.UTF_8)),
        Input.of("none", "[]".getBytes(StandardCharsets.UTF_8)),
        Input.of("two", (TASK + " " + TASK).getBytes(StandardCharsets.UTF_8)),
        Input.of("dup", "{\"objCode\": \"TASK\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}".getBytes(StandardCharsets.UTF_8))));

    assertThat(r.problems()).extracting(FileProblem::toString).containsExactly(
        "empty:(root): empty file; expected a subscription object or an array of them",
        "blank:(root): empty file; expected a subscription object or an array of them",
        "string:(root): expected a subscription object or an array of them, found a string",
        "none:(root): an empty array; expected subscriptions in it",
        "two:(root): not valid JSON: more content after the end of the first value (line 1, column " + (TASK.length() + 2) + ")",
        "dup:(root): not valid JSON: Duplicate field 'objCode' (line 1, column 30)");
    assertThat(r.subscriptions()).isEmpty();
    assertThat(r.documents()).isEqualTo(6);
  }

  @Test
  void load_workfrontMode_rejectsExtensions() {
    byte[] doc = "{\"objCode\": \"TASK\", \"eventType\": \"task.update\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(LOADER.read("s.json", doc).problems()).isEmpty();
    Result r = SubscriptionLoader.create(SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS)).read("s.json", doc);
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/eventType"));
  }

  @Test
  void load_limits_applyToEachSubscriptionOfAnArray() {
    String big = "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"url\": \"https://example.com/" + "x".repeat(300) + "\"}";
    String deep = "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"f\", \"fieldValue\": "
        + "[".repeat(6) + "]".repeat(6) + "}]}";
    Limits limits = Limits.DEFAULTS.withMaxDocumentBytes(200).withMaxJsonDepth(6).withMaxValueDepth(16);
    SubscriptionLoader loader = SubscriptionLoader.create(SubfilterJson.create(Mode.EXTENDED, limits));

    Result r = loader.read("f.json", ("[" + TASK + ", " + big + ", " + TASK + "]").getBytes(StandardCharsets.UTF_8));
    Result tooDeep = loader.read("d.json", ("[" + TASK + ", " + deep + "]").getBytes(StandardCharsets.UTF_8));
    Result rootTooDeep = loader.read("r.json", deep.getBytes(StandardCharsets.UTF_8));

    assertThat(r.problems()).containsExactly(new FileProblem("f.json", "/1", "document longer than 200 bytes; raise Limits.maxDocumentBytes"));
    assertThat(r.subscriptions().keySet()).containsExactly("f.json#0", "f.json#2");
    assertThat(tooDeep.problems()).containsExactly(new FileProblem("d.json", "/1", "JSON nested deeper than 6 levels; raise Limits.maxJsonDepth"));
    assertThat(tooDeep.subscriptions()).isEmpty(); // the reader stopped inside the file
    assertThat(rootTooDeep.problems()).containsExactly(new FileProblem("r.json", "", "JSON nested deeper than 6 levels; raise Limits.maxJsonDepth"));
    // the same limits as reading each subscription alone
    assertThatThrownBy(() -> SubfilterJson.create(Mode.EXTENDED, limits).readSubscription(big))
        .hasMessageContaining("document longer than 200 bytes; raise Limits.maxDocumentBytes");
    assertThatThrownBy(() -> SubfilterJson.create(Mode.EXTENDED, limits).readSubscription(deep))
        .hasMessageContaining("JSON nested deeper than 6 levels; raise Limits.maxJsonDepth");
  }

  @Test
  void load_maxDocumentBytes_countsEachSubscriptionsOwnBytes() {
    byte[] array = ("[ " + TASK + " ,\n" + TASK + "]").getBytes(StandardCharsets.UTF_8);
    int size = TASK.length(); // ASCII: bytes = chars; the space, comma and brackets around it do not count
    SubscriptionLoader exact = SubscriptionLoader.create(SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(size)));
    SubscriptionLoader oneLess = SubscriptionLoader.create(SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(size - 1)));

    assertThat(exact.read("f", array).problems()).isEmpty();
    assertThat(exact.read("o", TASK.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    assertThat(oneLess.read("f", array).problems()).extracting(FileProblem::pointer).containsExactly("/0", "/1");
    assertThat(oneLess.read("o", TASK.getBytes(StandardCharsets.UTF_8)).problems()).extracting(FileProblem::pointer).containsExactly("");
  }

  @Test
  void load_maxJsonDepth_atTheLimitReads() {
    // {"filters": [{"fieldValue": [[[ ]]]}]}: object 1, filters 2, filter 3, value 4..6
    String atLimit = "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"f\", \"fieldValue\": [[[1]]]}]}";
    SubscriptionLoader loader = SubscriptionLoader.create(SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxJsonDepth(6)));

    assertThat(loader.read("a.json", ("[" + atLimit + "]").getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    assertThat(loader.read("o.json", atLimit.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
  }

  @Test
  void load_missingPaths_unreadable_otherPathsStillRead() throws IOException {
    Path ok = write("ok.json", TASK);
    Path missing = tmp.resolve("missing.json");

    Result r = LOADER.load(missing, ok);

    assertThat(r.unreadable()).containsExactly(new FileProblem(missing.toString(), "", "no such file or folder"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.subscriptions().keySet()).containsExactly(ok.toString());
    assertThat(r.isValid()).isFalse();
    assertThatThrownBy(r::orThrow).isInstanceOf(SubscriptionLoadException.class)
        .hasMessage("cannot load the subscriptions, 1 problem:\n" + missing + ": no such file or folder");
  }

  @Test
  void orThrow_everyProblem_oneSummaryLineThenOnePerLine() {
    Result r = LOADER.load(List.of(
        Input.of("a", "{\"objCode\": \"TASK\"}".getBytes(StandardCharsets.UTF_8)),
        Input.of("b", "[]".getBytes(StandardCharsets.UTF_8))));

    assertThatThrownBy(r::orThrow).isInstanceOfSatisfying(SubscriptionLoadException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("cannot load the subscriptions, 2 problems:\n"
          + "a:/eventType: missing; expected one of CREATE, UPDATE, DELETE\n"
          + "b:(root): an empty array; expected subscriptions in it");
      assertThat(e.result()).isSameAs(r);
      assertThat(e).isInstanceOf(dev.subfilter.SubfilterException.class);
    });
  }

  @Test
  void load_inputsInOrder_idsUniqueAcrossFilesAndDocuments() throws IOException {
    Path f = write("f.json", "{\"id\": \"x\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"}");
    byte[] stdin = "[{\"id\": \"x\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}, {\"id\": \"y\", \"objCode\": \"PROJ\", \"eventType\": \"UPDATE\"}]"
        .getBytes(StandardCharsets.UTF_8);

    Result r = LOADER.load(List.of(Input.of("<stdin>", stdin), Input.of(f)));

    assertThat(r.subscriptions().keySet()).containsExactly("x", "y");
    assertThat(r.subscriptions().get("x").objCode()).isEqualTo("PROJ");
    assertThat(r.problems()).containsExactly(new FileProblem(f.toString(), "/id", "duplicate id \"x\"; also used by <stdin>#0"));
    assertThat(r.documents()).isEqualTo(2);
  }

  @Test
  void document_copiesItsBytes() {
    byte[] bytes = TASK.getBytes(StandardCharsets.UTF_8);
    Input.Document d = (Input.Document) Input.of("d", bytes);
    bytes[0] = '[';
    d.content()[0] = '[';

    assertThat(LOADER.load(List.of(d)).subscriptions()).containsKey("d");
    assertThat(d).isEqualTo(Input.of("d", TASK.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void load_utf16File_reads() throws IOException {
    Path f = tmp.resolve("utf16.json");
    Files.write(f, ("[" + TASK + "]").getBytes(StandardCharsets.UTF_16BE));

    assertThat(LOADER.load(f).subscriptions().keySet()).containsExactly(f + "#0");
  }

  @Test
  void nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> LOADER.load((Path) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LOADER.load((List<Input>) null)).isInstanceOf(NullPointerException.class).hasMessage("inputs");
    assertThatThrownBy(() -> LOADER.read(null, new byte[0])).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> SubscriptionLoader.create(null)).isInstanceOf(NullPointerException.class).hasMessage("json");
  }
}
