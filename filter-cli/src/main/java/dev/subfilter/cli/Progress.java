package dev.subfilter.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar and closing line on stderr, shown only on a terminal. The bar needs the total
 * size of the input (it is not drawn for standard input) and is redrawn at most 10 times a second,
 * first after a quarter of a second, so quick runs never flicker.
 */
final class Progress {
  private static final long FIRST_DRAW_NANOS = 250_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean on;
  private final long total;
  private final LongSupplier done;
  private final long start = System.nanoTime();
  private long lastDraw = start - REDRAW_NANOS + FIRST_DRAW_NANOS;
  private boolean shown;

  /**
   * @param on whether stderr is a terminal
   * @param total the input's size in bytes, or -1 when unknown
   * @param done the bytes read so far
   */
  Progress(PrintWriter err, boolean on, long total, LongSupplier done) {
    this.err = err;
    this.on = on;
    this.total = total;
    this.done = done;
  }

  boolean on() {
    return on;
  }

  /** After each event: redraws the bar when it is due. */
  void tick(long events) {
    if (!on || total <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double fraction = Math.min(1.0, done.getAsLong() / (double) total);
    int filled = (int) Math.round(fraction * WIDTH);
    String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%  %,d events  %s events/s", Math.round(fraction * 100), events, rate(events, now));
    err.print("\r" + bar + "\u001b[K");
    err.flush();
    shown = true;
  }

  /** Clears the bar, so that a line can be printed on the terminal. */
  void clear() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }

  /** Clears the bar and prints the closing line. */
  void finish(String line) {
    if (!on) {
      return;
    }
    clear();
    err.println(line);
    err.flush();
  }

  /** Events per second so far, e.g. {@code 12,345}. */
  String rate(long events) {
    return rate(events, System.nanoTime());
  }

  private String rate(long events, long now) {
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    return String.format(Locale.ROOT, "%,d", Math.round(events / seconds));
  }

  /** Seconds since the start, e.g. {@code 0.12 s}. */
  String elapsed() {
    return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
  }
}
