package dev.subfilter.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream of webhook payloads into one byte array per payload, each with the line it
 * starts on, without parsing them (the vendor adapters do that, each with its own limits) and
 * without holding more than one payload in memory:
 *
 * <ul>
 *   <li>a JSON array ({@code [} first): its elements;
 *   <li>NDJSON ({@code .ndjson}, {@code .jsonl}, or any input whose first value ends on its first
 *       line): every non-blank line, so a broken line is one bad event and the next line is read on;
 *   <li>otherwise JSON values one after the other, each possibly over many lines (a single
 *       pretty-printed payload file, or several).
 * </ul>
 */
final class EventSplitter {

  /** Receives the payloads in order. */
  interface Sink {
    void payload(int line, byte[] body);

    /**
     * Something that is no usable payload: too large, or the rest of the input cannot be split
     * (an unterminated array or value, after which this input is not read further).
     */
    void bad(int line, String message);
  }

  /** How the input is laid out, when its name tells. */
  enum Layout {
    /** Tell from the content. */
    AUTO,
    /** One payload per line. */
    LINES,
    /** JSON values (or an array of them), each possibly over many lines. */
    VALUES;

    static Layout of(String name) {
      String n = name.toLowerCase(java.util.Locale.ROOT);
      if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
        return LINES;
      }
      return n.endsWith(".json") ? VALUES : AUTO;
    }
  }

  private final InputStream in;
  private final Sink sink;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private int line = 1;

  // the value being scanned: bytes [0, size) of value (a plain array: appended in bulk where it can)
  private byte[] value = new byte[1 << 12];
  private int size;
  private boolean oversize;
  private int depth;
  private boolean inString;
  private boolean escape;

  private EventSplitter(InputStream in, Sink sink, int maxBytes) {
    this.in = in;
    this.sink = sink;
    this.maxBytes = maxBytes;
  }

  /**
   * Splits {@code in} into payloads for {@code sink}.
   *
   * @param maxBytes a payload larger than this is reported as too large, not kept in memory
   */
  static void split(InputStream in, Layout layout, int maxBytes, Sink sink) throws IOException {
    new EventSplitter(in, sink, maxBytes).run(layout);
  }

  private int read() throws IOException {
    if (pos == lim) {
      int n = in.read(buf);
      if (n <= 0) {
        return -1;
      }
      pos = 0;
      lim = n;
    }
    return buf[pos++] & 0xff;
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  private static boolean space(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Skips whitespace (and a byte order mark at the start); returns the next byte, unread. */
  private int skipSpace() throws IOException {
    while (true) {
      int c = peek();
      if (c == '\n') {
        line++;
      }
      if (!space(c)) {
        return c;
      }
      pos++;
    }
  }

  private void run(Layout layout) throws IOException {
    skipBom();
    int first = skipSpace();
    if (first < 0) {
      return;
    }
    if (first == '[') {
      pos++;
      array();
      return;
    }
    if (layout == Layout.LINES) {
      lines();
      return;
    }
    if (layout == Layout.AUTO) {
      int start = line;
      if (value(true)) {
        boolean ndjson = restOfLineBlank();
        emit(start);
        if (ndjson) {
          lines();
          return;
        }
      } else if (rest()) {
        emit(start); // open at the end of its first line: a value over many lines, as the others will be
      } else {
        finishValue(start, false);
        return;
      }
    }
    values();
  }

  private void skipBom() throws IOException {
    if (peek() == 0xEF) {
      pos++;
      if (peek() == 0xBB) {
        pos++;
        if (peek() == 0xBF) {
          pos++;
          return;
        }
      }
      pos = 0; // not a BOM after all (only possible at the very start, within the first buffer)
    }
  }

  // ------------------------------------------------------------------ NDJSON

  /**
   * Every non-blank line is a payload. In bulk: each buffer is searched for the next newline and
   * the bytes before it copied at once (leading blanks skipped, trailing ones trimmed on emit).
   */
  private void lines() throws IOException {
    while (true) {
      int start = line;
      boolean blank = true;
      boolean newline = false;
      while (!newline) {
        if (pos == lim && !fill()) {
          break;
        }
        int from = pos;
        int end = from;
        byte[] b = buf;
        while (end < lim && b[end] != '\n') {
          end++;
        }
        newline = end < lim;
        pos = newline ? end + 1 : end;
        if (blank) {
          while (from < end && space(b[from])) {
            from++;
          }
          blank = from == end;
        }
        appendRange(b, from, end);
      }
      if (!blank) {
        emit(start);
      } else {
        reset();
      }
      if (!newline) {
        return;
      }
      line++;
    }
  }

  /** Reads the next buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    int n = in.read(buf);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  // ------------------------------------------------------------------ JSON values

  /** JSON values one after the other, each over any number of lines. */
  private void values() throws IOException {
    while (true) {
      int c = skipSpace();
      if (c < 0) {
        return;
      }
      int start = line;
      finishValue(start, value(false));
    }
  }

  private void finishValue(int start, boolean complete) {
    if (complete) {
      emit(start);
    } else {
      reset();
      sink.bad(start, "the JSON value starting here never ends");
    }
  }

  /**
   * Reads one value: an object or array up to its matching close, any other token up to the end of
   * its line. Returns whether it ended before the input did.
   *
   * @param firstLineOnly stop (returning false) at the end of the first line if the value is still open
   */
  private boolean value(boolean firstLineOnly) throws IOException {
    int c = read();
    if (c != '{' && c != '[') {
      append(c);
      while ((c = peek()) >= 0 && c != '\n') {
        pos++;
        append(c);
      }
      return true;
    }
    depth = 0;
    inString = false;
    escape = false;
    scan(c);
    append(c);
    while (depth > 0) {
      c = read();
      if (c < 0) {
        return false;
      }
      if (c == '\n') {
        if (firstLineOnly) {
          pos--;
          return false;
        }
        line++;
      }
      scan(c);
      append(c);
    }
    return true;
  }

  /** Reads on to the end of the value {@link #value(boolean)} left open; false when the input ends first. */
  private boolean rest() throws IOException {
    while (depth > 0) {
      int c = read();
      if (c < 0) {
        return false;
      }
      if (c == '\n') {
        line++;
      }
      scan(c);
      append(c);
    }
    return true;
  }

  /** Skips the blanks after a value; whether only blanks were left on its line (the newline is left unread). */
  private boolean restOfLineBlank() throws IOException {
    while (true) {
      int c = peek();
      if (c < 0 || c == '\n') {
        return true;
      }
      if (!space(c)) {
        return false;
      }
      pos++;
    }
  }

  // ------------------------------------------------------------------ JSON array

  /** The elements of an array whose '[' was just read. */
  private void array() throws IOException {
    int arrayLine = line;
    while (true) {
      int c = skipSpace();
      if (c < 0) {
        sink.bad(arrayLine, "the JSON array starting here never ends (no closing ']')");
        return;
      }
      if (c == ']') {
        pos++;
        trailing();
        return;
      }
      if (c == ',') {
        pos++;
        continue;
      }
      int start = line;
      depth = 0;
      inString = false;
      escape = false;
      while (true) {
        c = read();
        if (c < 0) {
          reset();
          sink.bad(start, "the JSON array never ends (no closing ']' after this element)");
          return;
        }
        if (depth == 0 && !inString && (c == ',' || c == ']')) {
          emit(start);
          if (c == ']') {
            trailing();
            return;
          }
          break;
        }
        if (c == '\n') {
          line++;
        }
        scan(c);
        if (depth < 0) {
          depth = 0;
        }
        append(c);
      }
    }
  }

  private void trailing() throws IOException {
    int c = skipSpace();
    if (c >= 0) {
      sink.bad(line, "content after the end of the JSON array");
    }
  }

  // ------------------------------------------------------------------ scanning

  private void scan(int c) {
    if (inString) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      depth--;
    }
  }

  private void append(int c) {
    if (size >= maxBytes) {
      oversize = true;
      return;
    }
    if (size == value.length) {
      grow(size + 1);
    }
    value[size++] = (byte) c;
  }

  private void appendRange(byte[] b, int from, int to) {
    int n = Math.min(to - from, maxBytes - size);
    if (n < to - from) {
      oversize = true;
    }
    if (n <= 0) {
      return;
    }
    if (size + n > value.length) {
      grow(size + n);
    }
    System.arraycopy(b, from, value, size, n);
    size += n;
  }

  private void grow(int needed) {
    value = java.util.Arrays.copyOf(value, (int) Math.min(Math.max((long) needed, 2L * value.length), Integer.MAX_VALUE - 8));
  }

  private void emit(int start) {
    if (oversize) {
      reset();
      sink.bad(start, "a payload larger than " + maxBytes + " bytes; skipped");
      return;
    }
    int n = size;
    while (n > 0 && space(value[n - 1])) {
      n--;
    }
    byte[] body = java.util.Arrays.copyOf(value, n);
    reset();
    if (body.length > 0) {
      sink.payload(start, body);
    }
  }

  private void reset() {
    size = 0;
    oversize = false;
    if (value.length > 1 << 20) {
      value = new byte[1 << 12]; // one huge payload does not pin its buffer for the rest of the input
    }
  }
}
