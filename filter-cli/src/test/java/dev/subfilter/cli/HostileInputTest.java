package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's table of hostile inputs, row by row: each input is written to a file and given to
 * {@code subfilter} run as a separate JVM with a small heap ({@code -Xmx}, exiting on
 * OutOfMemoryError), which must exit with the row's code within a generous time cap (it catches
 * blow-ups; it is no performance target) and print the row's one-line verdict: the error, or the
 * match line of an accepted event.
 */
class HostileInputTest {
  private static final long CAP_SECONDS = 120;

  @TempDir
  static Path tmp;
  private static Path subscriptions;
  private static Path publicKey;

  @BeforeAll
  static void files() throws Exception {
    subscriptions = Files.writeString(tmp.resolve("subscriptions.json"), "[{\"id\": \"all\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"},"
        + " {\"id\": \"n-above-5\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"n\", \"fieldValue\": 5, \"comparison\": \"gt\"}]},"
        + " {\"id\": \"tagged\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"filters\": [{\"fieldName\": \"tags\", \"fieldValue\": [7], \"comparison\": \"containsOnly\"}]}]");
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    publicKey = Files.writeString(tmp.resolve("policy.pem"), "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
  }

  /** How a row's file is written. */
  interface Content {
    void write(OutputStream out) throws IOException;
  }

  private static final String TASK = "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\",";

  private static Content text(String... parts) {
    return out -> {
      for (String p : parts) {
        out.write(p.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static Content repeat(String head, String unit, int times, String tail) {
    return out -> {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] u = unit.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < times; i++) {
        out.write(u);
      }
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static Content bytes(String head, byte[] middle, String tail) {
    return out -> {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(middle);
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    };
  }

  private static String keys(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    return b.toString();
  }

  private static String b64url(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The rows: name, what the file holds, whether it is a subscription file ({@code check}) or
   * events ({@code match}), the heap, the exit code, and the one line expected (a prefix after
   * the file name).
   */
  static Stream<Arguments> rows() {
    String deepGroups = "{\"type\":\"group\",\"filters\":[";
    return Stream.of(
        row("subscription nested 100,000 groups deep", repeat("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[", deepGroups, 100_000,
            "]}".repeat(100_000) + "]}"), true, 128, 1, ":(root): JSON nested deeper than 500 levels; raise Limits.maxJsonDepth"),
        row("event nested 100,000 arrays deep", repeat(TASK + "\"x\":", "[", 100_000, "]".repeat(100_000) + "}}"), false, 128, 1,
            ":1: invalid event: (root): JSON nested deeper than 500 levels; raise Limits.maxJsonDepth"),
        row("subscription string of 70,000 characters", text("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"name\",\"fieldValue\":\"",
            "a".repeat(70_000), "\"}]}"), true, 128, 1,
            ":/filters/0/fieldValue: a string of 70000 characters exceeds the limit of 65536; raise Limits.maxStringLength"),
        row("event string of 5,000,000 characters", repeat(TASK + "\"name\":\"", "a", 5_000_000, "\"}}"), false, 256, 0, "match all"),
        row("event of 30 MB (one string)", repeat(TASK + "\"name\":\"", "a", 30_000_000, "\"}}"), false, 64, 1,
            ":1: a payload larger than 8388608 bytes; skipped"),
        row("subscription with 200,000 unknown keys", text("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",", keys(200_000), "}"), true, 128, 1,
            ":(root): 199900 more problems not listed (only the first 100 are)"),
        row("event with 500,000 keys", text(TASK, keys(500_000), "}}"), false, 256, 0, "match all"),
        row("event array of 3,000,000 elements", repeat(TASK + "\"tags\":[7", ",7", 2_999_999, "]}}"), false, 256, 0, "match all tagged"),
        row("subscription number 1e999999", text("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":1e999999,\"comparison\":\"gt\"}]}"),
            true, 128, 1, ":/filters/0/fieldValue: the number 1E+999999 has more than 65536 digits written out; raise Limits.maxStringLength"),
        row("event number 1e999999 compared", text(TASK, "\"n\":1e999999}}"), false, 128, 0, "match all n-above-5"),
        row("event number of 10,000 digits", repeat(TASK + "\"n\":", "7", 10_000, "}}"), false, 128, 1,
            ":1: invalid event: (root): JSON exceeds a reading limit: Number value length (10000) exceeds the maximum allowed (1000"),
        row("invalid UTF-8", bytes(TASK + "\"name\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}}"), false, 128, 1,
            ":1: invalid event: (root): not valid JSON: Invalid UTF-8 start byte 0xff"),
        row("encoded surrogate (CESU-8)", bytes(TASK + "\"name\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}}"), false, 128, 1,
            ":1: invalid event: (root): not valid JSON: Invalid UTF-8: Illegal surrogate character 0xd800"),
        row("duplicate keys", text(TASK, "\"name\":\"a\",\"name\":\"b\"}}"), false, 128, 1,
            ":1: invalid event: (root): not valid JSON: Duplicate field 'name'"),
        row("NUL byte in a string", bytes(TASK + "\"name\":\"a", new byte[] {0}, "\"}}"), false, 128, 1,
            ":1: invalid event: (root): not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 0))"),
        row("NDJSON line of 100 MB, then a good line", repeat(TASK + "\"name\":\"", "a", 100_000_000,
            "\"}}\n" + TASK + "\"name\":\"next\"}}\n"), false, 64, 1, ":1: a payload larger than 8388608 bytes; skipped"),
        row("base64 state decoding to 2,000,000 levels", text("{\"eventType\":\"UPDATE\",\"newState\":\"", Base64.getEncoder().encodeToString(
            ("{\"objCode\":\"TASK\",\"x\":" + "[".repeat(2_000_000) + "]".repeat(2_000_000) + "}").getBytes(StandardCharsets.UTF_8)), "\"}"),
            false, 128, 1, ":1: invalid event: /newState: JSON nested deeper than 500 levels; raise Limits.maxJsonDepth"),
        row("JWT with a 5 MB header", text("{\"jwt\":\"", b64url("{\"alg\":\"RS256\",\"x\":\"" + "a".repeat(5_000_000) + "\"}"), ".e30.c2ln\"}"),
            false, 128, 1, ":1: unauthentic delivery (BAD_SIGNATURE): /jwt: the jwt's header is not well-formed: The parsed string is longer than the max accepted size"),
        row("JWT with a header nested 1,000,000 deep", text("{\"jwt\":\"", b64url("{\"alg\":\"RS256\",\"x\":" + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "}"),
            ".e30.c2ln\"}"), false, 128, 1, ":1: unauthentic delivery (BAD_SIGNATURE): /jwt: the jwt's header is not well-formed"));
  }

  private static Arguments row(String name, Content content, boolean subscription, int heapMb, int exit, String line) {
    return Arguments.of(name, content, subscription, heapMb, exit, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void hostileInput_oneLineVerdictExitCodeWithinSmallHeapAndTime(String name, Content content, boolean subscription, int heapMb, int exit,
      String expected) throws Exception {
    Path file = tmp.resolve(name.replaceAll("[^a-zA-Z0-9]+", "-") + ".json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      content.write(out);
    }
    List<String> args = subscription
        ? List.of("check", file.toString())
        : List.of("match", "-s", subscriptions.toString(), "--format", "auto", "--4me-public-key", publicKey.toString(),
            "--4me-issuer", "https://wdc.4me.com", "--4me-audience", "policy", file.toString());
    long start = System.nanoTime();
    Run r = run(heapMb, args);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    Files.delete(file);

    assertThat(r.code).as("exit code (3 would be an OutOfMemoryError in %d MB); stderr %s", heapMb, r.err).isEqualTo(exit);
    assertThat(seconds).as("seconds").isLessThan(CAP_SECONDS);
    assertThat(r.err).as("no stack trace").doesNotContain("\tat ", "Exception");
    if (expected.startsWith("match ")) { // accepted: one match line naming the subscriptions it matched
      List<String> ids = List.of(expected.substring("match ".length()).split(" "));
      assertThat(r.outLines()).hasSize(1);
      assertThat(r.outLines().get(0)).startsWith("{\"event\":\"" + file + ":1\",\"matched\":" + CliJson.OUT.writeValueAsString(ids) + ",");
      assertThat(r.err).isEmpty();
    } else if (subscription) { // check: the problems, then the count
      assertThat(r.outLines()).anySatisfy(l -> assertThat(l).startsWith(file + expected));
      assertThat(r.outLines().get(r.outLines().size() - 1)).startsWith("0 subscriptions in 1 file valid; ");
    } else { // match: one line on stderr for the bad event, the good ones (if any) on stdout
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.errLines().get(0)).startsWith("subfilter: " + file + expected);
      assertThat(r.outLines()).hasSize(name.contains("then a good line") ? 1 : 0);
    }
  }

  private record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
  }

  /** subfilter in a JVM of its own with this heap. */
  private static Run run(int heapMb, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    if (!p.waitFor(CAP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("subfilter " + args + " ran longer than " + CAP_SECONDS + " s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
