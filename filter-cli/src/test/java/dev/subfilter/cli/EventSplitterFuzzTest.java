package dev.subfilter.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets (Jazzer; regression inputs in {@code EventSplitterFuzzTestInputs}, fuzz with {@code
 * fuzz.sh}) for the CLI's event splitting: no event is lost or invented.
 *
 * <p>Any bytes, in every layout, read at once and in small chunks alike: each payload is a piece of
 * the input, in order, on the line it says; NDJSON gives exactly the non-blank lines (too long ones
 * reported as bad); and where Jackson reads the input as JSON values (objects and arrays one after
 * another, or one array), the payloads are exactly those values (or elements), line for line.
 *
 * <p>Payloads the fuzzer builds, laid out as NDJSON, as an array or as values over many lines: the
 * splitter finds exactly them, with the lines they start on, and {@code subfilter match} reports
 * each of them once, as a match line or as an invalid event, at that position.
 */
class EventSplitterFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final int[] MAX_BYTES = {1 << 20, 24};
  private static final Path SUBSCRIPTIONS = subscriptions();

  /** One payload or bad report of a split: "line: body" or "line! message" (bodies as ISO-8859-1, byte for byte). */
  private static List<String> split(InputStream in, EventSplitter.Layout layout, int max) {
    List<String> out = new ArrayList<>();
    try {
      EventSplitter.split(in, layout, max, new EventSplitter.Sink() {
        @Override
        public void payload(int line, byte[] body) {
          require(body.length > 0, () -> "an empty payload at line " + line);
          out.add(line + ": " + new String(body, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void bad(int line, String message) {
          out.add(line + "! " + message);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads in chunks of 1 to 7 bytes, as a pipe may deliver them. */
  private static InputStream trickle(byte[] b) {
    return new ByteArrayInputStream(b) {
      private int calls;

      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 1 + (calls++ * 5 + b.length) % 7));
      }
    };
  }

  // ------------------------------------------------------------------ any bytes

  @FuzzTest(maxDuration = "10m")
  void split_anyBytes_piecesOfTheInputAsTheReferenceSplitFinds(byte[] input) {
    int bom = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF ? 3 : 0;
    byte[] body = Arrays.copyOfRange(input, bom, input.length);
    boolean array = firstNonBlank(body) == '[';
    List<String> jacksonValues = array ? null : jacksonValues(body);
    List<String> jacksonArray = array ? jacksonArray(body) : null;
    for (int max : MAX_BYTES) {
      for (EventSplitter.Layout layout : EventSplitter.Layout.values()) {
        List<String> once = split(new ByteArrayInputStream(input), layout, max);
        List<String> chunked = split(trickle(input), layout, max);
        require(once.equals(chunked), () -> layout + ": read in chunks it splits otherwise: " + once + " vs " + chunked);
        piecesInOrder(input, once, layout);
        if (array) {
          if (jacksonArray != null && fits(jacksonArray, max)) {
            require(once.equals(jacksonArray), () -> layout + ": the array's elements are " + jacksonArray + ", split " + once);
          }
          continue;
        }
        List<String> lines = lines(body, max);
        if (layout == EventSplitter.Layout.LINES) {
          require(once.equals(lines), () -> "NDJSON: the non-blank lines are " + lines + ", split " + once);
        } else if (jacksonValues != null && fits(jacksonValues, max)) {
          boolean ndjson = layout == EventSplitter.Layout.AUTO && firstValueEndsItsLine(body);
          List<String> expected = ndjson ? lines : jacksonValues;
          require(once.equals(expected), () -> layout + ": the values are " + expected + ", split " + once);
        }
      }
    }
  }

  private static int firstNonBlank(byte[] b) {
    for (byte c : b) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c;
      }
    }
    return -1;
  }

  private static boolean blank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Each payload occurs in the input after the previous one, starting on the line it is reported at. */
  private static void piecesInOrder(byte[] input, List<String> split, EventSplitter.Layout layout) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    List<Integer> lineStarts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
    int from = 0;
    int lastLine = 0;
    for (String s : split) {
      int cut = digits(s);
      int line = Integer.parseInt(s.substring(0, cut));
      require(line >= lastLine && line <= lineStarts.size(), () -> layout + ": lines go backwards or past the end: " + split);
      lastLine = line;
      if (s.charAt(cut) == '!') {
        continue;
      }
      String piece = s.substring(cut + 2);
      int at = text.indexOf(piece, Math.max(from, lineStarts.get(line - 1)));
      int next = line < lineStarts.size() ? lineStarts.get(line) : Integer.MAX_VALUE;
      require(at >= 0 && at < next, () -> layout + ": a payload that is not in the input at its line " + line + ": " + piece);
      from = at + piece.length();
    }
  }

  /** The length of the line number at the start of a split entry. */
  private static int digits(String entry) {
    int i = 0;
    while (i < entry.length() && Character.isDigit(entry.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The reference NDJSON split: every non-blank line, blanks trimmed, too long ones (counted from their first non-blank) bad. */
  private static List<String> lines(byte[] body, int max) {
    List<String> out = new ArrayList<>();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int s = start;
        while (s < i && blank(body[s])) {
          s++;
        }
        int e = i;
        if (s < i) {
          if (i - s > max) {
            out.add(line + "! a payload larger than " + max + " bytes; skipped");
          } else {
            while (e > s && blank(body[e - 1])) {
              e--;
            }
            out.add(line + ": " + new String(body, s, e - s, StandardCharsets.ISO_8859_1));
          }
        }
        line++;
        start = i + 1;
      }
    }
    return out;
  }

  /** Whether the first value's text ends on its first line, only blanks after it there (then AUTO reads NDJSON). */
  private static boolean firstValueEndsItsLine(byte[] body) {
    try (JsonParser p = FACTORY.createParser(body)) {
      p.nextToken();
      int line = p.currentTokenLocation().getLineNr();
      p.skipChildren();
      int end = (int) p.currentLocation().getByteOffset();
      if (p.currentLocation().getLineNr() != line) {
        return false;
      }
      for (int i = end; i < body.length && body[i] != '\n'; i++) {
        if (!blank(body[i])) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Jackson's split of a sequence of root values, each an object or array, as "line: text"; {@code
   * null} when Jackson does not read the input so (or when lines or bytes would be counted apart:
   * a carriage return, a NUL that makes Jackson guess UTF-16).
   */
  private static List<String> jacksonValues(byte[] body) {
    if (!plainText(body)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
          return null;
        }
        out.add(slice(p, body));
      }
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    return out;
  }

  /** Jackson's elements of one root array (nothing after it), as "line: text"; {@code null} when it is not that. */
  private static List<String> jacksonArray(byte[] body) {
    if (!plainText(body)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(slice(p, body));
      }
      if (p.nextToken() != null) {
        return null;
      }
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    return out;
  }

  private static boolean plainText(byte[] body) {
    for (byte c : body) {
      if (c == '\r' || c == 0) {
        return false;
      }
    }
    return true;
  }

  /** The value at the parser's current token: its line and its exact text. */
  private static String slice(JsonParser p, byte[] body) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    int start = (int) p.currentTokenLocation().getByteOffset();
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
    } else if (p.currentToken() == JsonToken.VALUE_STRING) {
      p.getText(); // read to its end
    } else {
      p.getText();
    }
    int end = (int) p.currentLocation().getByteOffset();
    if (!p.currentToken().isStructEnd() && p.currentToken() != JsonToken.VALUE_STRING) {
      end = start + p.getText().length(); // a number or literal: the location may already be past a delimiter
    }
    return line + ": " + new String(body, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private static boolean fits(List<String> values, int max) {
    for (String v : values) {
      if (v.length() - v.indexOf(": ") - 2 > max) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ payloads built, laid out, found

  @FuzzTest(maxDuration = "10m")
  void split_laidOutPayloads_findsExactlyThemAndMatchReportsEach(FuzzedDataProvider data) throws IOException {
    int layout = data.consumeInt(0, 2);
    int count = data.consumeInt(0, 8);
    List<JsonNode> payloads = new ArrayList<>();
    for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
      JsonNode v = data.consumeBoolean() ? event(data) : value(data, 3);
      // values over many lines must be objects or arrays: any other token is read to the end of its line
      payloads.add(layout == 2 && !v.isContainerNode() ? JsonNodeFactory.instance.objectNode().set("v", v) : v);
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    int line = 1;
    if (layout == 1) {
      line += write(text, "[" + blanks(data));
    }
    for (int i = 0; i < payloads.size(); i++) {
      boolean pretty = layout != 0 && data.consumeBoolean();
      String v = pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(payloads.get(i)) : MAPPER.writeValueAsString(payloads.get(i));
      if (layout == 0) {
        line += write(text, blankLines(data));
        line += write(text, spaces(data));
      }
      expected.add(line + ": " + new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
      line += write(text, v);
      String after = layout == 0 ? spaces(data) + "\n" : layout == 1 ? blanks(data) + (i + 1 < payloads.size() ? "," : "") + blanks(data)
          : (data.consumeBoolean() ? "\n" : " ") + blanks(data);
      line += write(text, after);
    }
    if (layout == 1) {
      write(text, "]\n");
    }
    byte[] input = text.toByteArray();
    EventSplitter.Layout as = layout == 0 ? EventSplitter.Layout.LINES : EventSplitter.Layout.VALUES;
    if (layout != 1 && !payloads.isEmpty() && payloads.get(0).isArray()) {
      return; // documented: an input whose first byte is '[' is one JSON array, even named .ndjson (left so; the splitter's own unit tests pin it)
    }
    List<String> split = split(new ByteArrayInputStream(input), as, 1 << 20);
    require(split.equals(expected), () -> as + ": laid out " + expected + ", split " + split);
    // AUTO reads them alike, but values over many lines after a first one on one line (then it reads NDJSON, as documented)
    require(split(trickle(input), EventSplitter.Layout.AUTO, 1 << 20).equals(expected) || layout == 2,
        () -> "AUTO splits the laid out payloads otherwise");

    // subfilter match reads standard input as AUTO: each payload once, as a match line or a bad event, in order
    List<String> reported = match(input);
    List<String> positions = new ArrayList<>();
    for (String e : split(new ByteArrayInputStream(input), EventSplitter.Layout.AUTO, 1 << 20)) {
      positions.add("<stdin>:" + e.substring(0, digits(e)));
    }
    require(reported.equals(positions), () -> "subfilter match reported " + reported + " for payloads at " + positions);
  }

  /** The positions subfilter match reports, in order: from its JSON lines and its invalid-event lines. */
  private static List<String> match(byte[] stdin) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = new Env(new ByteArrayInputStream(stdin), false, false);
    int code = SubfilterCommand.run(env, new PrintWriter(out), new PrintWriter(err), "match", "-s", SUBSCRIPTIONS.toString(), "--format", "workfront", "-");
    // 0 a match, 1 none, 5 some invalid events (each reported)
    require(code == 0 || code == 1 || code == 5, () -> "subfilter match exited " + code + ": " + err);
    List<String> positions = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      if (!l.isEmpty()) {
        positions.add(MAPPER.readTree(l).get("event").asText());
      }
    }
    List<String> errors = new ArrayList<>();
    for (String l : err.toString().split("\n")) {
      if (l.startsWith("subfilter: <stdin>:")) {
        String rest = l.substring("subfilter: ".length());
        errors.add(rest.substring(0, rest.indexOf(": ")));
      } else {
        // an input with no payload at all is said so (exit 1)
        require(l.isEmpty() || l.equals("subfilter: no events in standard input"), () -> "an unexpected line on stderr: " + l);
      }
    }
    require(errors.isEmpty() == (code != 5), () -> "exit " + code + " with " + errors.size() + " invalid events reported");
    // stdout and stderr are two streams: merge them by line number
    List<String> all = new ArrayList<>(positions);
    all.addAll(errors);
    all.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(8)), Integer.parseInt(b.substring(8))));
    return all;
  }

  private static int write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  private static String spaces(FuzzedDataProvider data) {
    return List.of("", " ", "\t", " \t ").get(data.consumeInt(0, 3));
  }

  private static String blanks(FuzzedDataProvider data) {
    return List.of("", " ", "\n", "\n  ", "\t\n\n ").get(data.consumeInt(0, 4));
  }

  private static String blankLines(FuzzedDataProvider data) {
    return List.of("", "", "\n", " \n\t\n").get(data.consumeInt(0, 3));
  }

  /** A Workfront-looking event (so that some payloads are read and matched), fields from the fuzzer. */
  private static JsonNode event(FuzzedDataProvider data) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("eventType", data.pickValue(new String[] {"UPDATE", "CREATE", "DELETE", ""}));
    ObjectNode n = e.putObject("newState");
    n.put("objCode", data.consumeBoolean() ? "TASK" : data.consumeString(4));
    n.put("ID", data.consumeString(6));
    n.set("status", value(data, 1));
    if (data.consumeBoolean()) {
      e.putObject("oldState").set("status", value(data, 1));
    }
    return e;
  }

  /** A JSON value from the fuzzer's bytes: strings of any characters (escaped when written), numbers, literals, nesting. */
  private static JsonNode value(FuzzedDataProvider data, int depth) {
    int kind = data.consumeInt(0, depth > 0 ? 6 : 3);
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (kind) {
      case 0:
        return f.textNode(data.consumeString(12));
      case 1:
        return f.numberNode(data.consumeLong());
      case 2:
        return data.consumeBoolean() ? f.booleanNode(data.consumeBoolean()) : f.nullNode();
      case 3:
        return f.numberNode(data.consumeDouble());
      case 4: {
        ArrayNode a = f.arrayNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
          a.add(value(data, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = f.objectNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
          o.set(data.consumeString(6), value(data, depth - 1));
        }
        return o;
      }
    }
  }

  private static Path subscriptions() {
    try {
      Path dir = Files.createTempDirectory("splitter-fuzz");
      Path f = dir.resolve("subscriptions.json");
      Files.writeString(f, "[{\"id\": \"tasks\", \"objCode\": \"TASK\", \"eventType\": \"UPDATE\"},"
          + " {\"id\": \"status\", \"objCode\": \"TASK\", \"eventType\": \"CREATE\", \"filters\": [{\"fieldName\": \"status\", \"comparison\": \"exists\"}]}]");
      f.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean ok, java.util.function.Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }
}
