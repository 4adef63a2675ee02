package dev.subfilter.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Fuzz target (Jazzer; regression inputs in {@code SpecFileFuzzTestInputs}, fuzz with {@code
 * fuzz.sh}) for the spec reader and {@code subfilter spec}: any document is read into cases or
 * refused with an {@link IllegalArgumentException} naming the file; every case it reads holds the
 * document's values (defaults filled in) and runs to a verdict without throwing; and {@code
 * subfilter spec -} on the same bytes prints one FAIL line per failing case and the summary the
 * reference count gives, exiting 0 or 1.
 */
class SpecFileFuzzTest {
  // the reader SpecCommand and the spec-tests module read spec files with
  private static final ObjectMapper SPEC = SpecCase.mapper();

  @FuzzTest(maxDuration = "10m")
  void spec_anyDocument_casesOrOneFailure(byte[] input) {
    int passed = 0;
    int failed = 0;
    JsonNode doc;
    try {
      doc = SPEC.readTree(new ByteArrayInputStream(input));
    } catch (Exception | StackOverflowError notJson) {
      doc = null;
    }
    List<SpecCase> cases = null;
    if (doc != null) {
      try {
        cases = SpecCase.readFile("<stdin>", doc);
      } catch (IllegalArgumentException e) {
        require(e.getMessage().startsWith("<stdin>"), "a malformed spec does not name its file: " + e.getMessage());
      }
    }
    if (cases == null) {
      failed = 1;
    } else {
      require(cases.size() == doc.get("cases").size(), "cases read " + cases.size() + " of " + doc.get("cases").size());
      for (int i = 0; i < cases.size(); i++) {
        SpecCase c = cases.get(i);
        JsonNode raw = doc.get("cases").get(i);
        require(c.name().equals(raw.get("name").textValue()) && c.expect().equals(raw.get("expect").textValue())
            && c.eventFormat().equals(raw.has("eventFormat") ? raw.get("eventFormat").textValue() : "workfront")
            && c.mode().equals(raw.has("mode") ? raw.get("mode").textValue() : "extended")
            && c.event().equals(raw.get("event")), "case " + i + " does not hold the document's values: " + c);
        String verdict = SpecRunner.run(c);
        require(verdict == null || !verdict.isBlank(), "a blank failure");
        if (verdict == null) {
          passed++;
        } else {
          failed++;
        }
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = new Env(new ByteArrayInputStream(input), false, false);
    int code = SubfilterCommand.run(env, new PrintWriter(out), new PrintWriter(err), "spec", "-");
    String[] lines = out.toString().split("\n");
    require(lines[lines.length - 1].equals(passed + " passed, " + failed + " failed"),
        "subfilter spec says " + lines[lines.length - 1] + ", the reference " + passed + " passed, " + failed + " failed; stderr " + err);
    long fails = java.util.Arrays.stream(lines).filter(l -> l.startsWith("FAIL  ")).count();
    require(fails == failed, fails + " FAIL lines for " + failed + " failures");
    require(code == (failed == 0 ? 0 : 1), "exit code " + code + " for " + failed + " failures");
    require(err.toString().isEmpty(), "stderr: " + err);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
