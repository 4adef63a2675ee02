package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSplitterTest {

  /** "line: body" for each payload, "line! message" for each bad one. */
  private static List<String> split(String input, EventSplitter.Layout layout) throws IOException {
    return split(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), layout, 1 << 20);
  }

  private static List<String> split(InputStream in, EventSplitter.Layout layout, int max) throws IOException {
    List<String> out = new ArrayList<>();
    EventSplitter.split(in, layout, max, new EventSplitter.Sink() {
      @Override
      public void payload(int line, byte[] body) {
        out.add(line + ": " + new String(body, StandardCharsets.UTF_8));
      }

      @Override
      public void bad(int line, String message) {
        out.add(line + "! " + message);
      }
    });
    return out;
  }

  @Test
  void ndjson_everyNonBlankLine_blankLinesAndCrlfSkipped() throws IOException {
    assertThat(split("{\"a\":1}\r\n\r\n  {\"b\":2}  \n{\"c\":\n", EventSplitter.Layout.LINES))
        .containsExactly("1: {\"a\":1}", "3: {\"b\":2}", "4: {\"c\":");
  }

  @Test
  void auto_firstValueOnOneLine_meansNdjson_soABrokenLineStaysOneLine() throws IOException {
    assertThat(split("{\"a\":1}\n{\"b\": [\n{\"c\":3}\n", EventSplitter.Layout.AUTO))
        .containsExactly("1: {\"a\":1}", "2: {\"b\": [", "3: {\"c\":3}");
  }

  @Test
  void auto_prettyValues_oneEachOverManyLines() throws IOException {
    String input = "{\n  \"a\": \"}{\",\n  \"b\": [1, {\"c\": \"\\\"]\"}]\n}\n\n{\n  \"d\": 2\n}";
    assertThat(split(input, EventSplitter.Layout.AUTO))
        .containsExactly("1: {\n  \"a\": \"}{\",\n  \"b\": [1, {\"c\": \"\\\"]\"}]\n}", "6: {\n  \"d\": 2\n}");
    assertThat(split(input, EventSplitter.Layout.VALUES)).hasSize(2);
  }

  @Test
  void values_unterminated_isBad() throws IOException {
    assertThat(split("{\"a\": 1}\n{\n  \"b\": [\n", EventSplitter.Layout.VALUES))
        .containsExactly("1: {\"a\": 1}", "2! the JSON value starting here never ends");
  }

  @Test
  void array_elementsWithTheirLines() throws IOException {
    String input = "\uFEFF[\n  {\"a\": \"x,]\"},\n  {\"b\": [1,\n 2]},\n  3\n]\n";
    assertThat(split(input, EventSplitter.Layout.LINES))
        .containsExactly("2: {\"a\": \"x,]\"}", "3: {\"b\": [1,\n 2]}", "5: 3");
  }

  @Test
  void array_unterminatedOrTrailing_isBad() throws IOException {
    assertThat(split("[{\"a\":1}, {\"b\":", EventSplitter.Layout.AUTO))
        .containsExactly("1: {\"a\":1}", "1! the JSON array never ends (no closing ']' after this element)");
    assertThat(split("[{\"a\":1}]\n{\"b\":2}", EventSplitter.Layout.AUTO))
        .containsExactly("1: {\"a\":1}", "2! content after the end of the JSON array");
    assertThat(split("[]", EventSplitter.Layout.AUTO)).isEmpty();
  }

  @Test
  void oversizePayload_isBadAndReadingGoesOn() throws IOException {
    String big = "{\"a\": \"" + "x".repeat(100) + "\"}";
    assertThat(split(new ByteArrayInputStream((big + "\n{\"b\":1}\n").getBytes(StandardCharsets.UTF_8)), EventSplitter.Layout.LINES, 50))
        .containsExactly("1! a payload larger than 50 bytes; skipped", "2: {\"b\":1}");
  }

  @Test
  void emptyInput_nothing() throws IOException {
    assertThat(split("", EventSplitter.Layout.AUTO)).isEmpty();
    assertThat(split(" \n\n ", EventSplitter.Layout.AUTO)).isEmpty();
  }

  @Test
  void smallReads_sameResult() throws IOException {
    String input = "{\"a\":1}\n{\n\"b\":2}\n";
    InputStream trickle = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertThat(split(trickle, EventSplitter.Layout.VALUES, 1 << 20)).containsExactly("1: {\"a\":1}", "2: {\n\"b\":2}");
  }
}
