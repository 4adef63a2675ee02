package dev.subfilter.cli;

import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.Delivery;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the events of the command's inputs (files, folders of them, or {@code -} for standard
 * input; none means standard input) one at a time. A bad event is reported on stderr with its
 * position ({@code file:line}) and skipped; an input that cannot be read is reported and the others
 * are read on.
 */
final class EventReader {
  static final String STDIN = "<stdin>";

  /** Receives each event read. */
  interface Handler {
    void event(String position, Event event);

    /**
     * An event read with {@link #read(Handler, SubscriptionSet)}: {@code ids} are the set's matches
     * when the read found them in the same pass, else {@code null}. By default {@link #event(String, Event)}.
     */
    default void event(String position, Event event, List<String> ids) {
      event(position, event);
    }

    /** A vendor's ownership check (4me {@code webhook.verify}): no event, but not bad either. */
    void handshake(String position, Delivery.Handshake handshake);
  }

  private final Env env;
  private final PrintWriter err;
  private final EventDecoder decoder;
  private final int maxBytes;
  private final List<String> inputs;
  private final Progress progress;
  private long bytesRead;
  private SubscriptionSet set;

  long events;
  long bad;
  long handshakes;
  int unreadable;

  /** @param progress whether to show a progress bar on a terminal (match does; explain prints too much for one) */
  EventReader(Env env, PrintWriter err, EventDecoder decoder, int maxBytes, List<String> inputs, boolean progress) {
    this.env = env;
    this.err = err;
    this.decoder = decoder;
    this.maxBytes = maxBytes;
    this.inputs = inputs == null || inputs.isEmpty() ? List.of("-") : inputs;
    this.progress = new Progress(err, progress && env.interactive(), progress ? totalSize(this.inputs) : -1, () -> bytesRead);
  }

  Progress progress() {
    return progress;
  }

  /** Everything was read and good. */
  boolean clean() {
    return bad == 0 && unreadable == 0;
  }

  /** ExitCodes for the reading alone: unreadable input, bad events, or ok. */
  int exitCode() {
    return unreadable > 0 ? ExitCodes.UNREADABLE : bad > 0 ? ExitCodes.INVALID_EVENTS : ExitCodes.OK;
  }

  private static long totalSize(List<String> inputs) {
    long total = 0;
    for (String in : inputs) {
      if (in.equals("-")) {
        return -1;
      }
      try {
        for (Path f : files(Path.of(in))) {
          total += Files.size(f);
        }
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return total;
  }

  private static List<Path> files(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl"));
          })
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

  void read(Handler h) {
    read(h, null);
  }

  /** Reads every input; with a {@code set}, Workfront events are matched as they are read (one pass). */
  void read(Handler h, SubscriptionSet set) {
    this.set = set;
    for (String in : inputs) {
      if (in.equals("-")) {
        if (env.interactive()) {
          err.println("subfilter: reading events from standard input; end with Ctrl-D");
          err.flush();
        }
        readStream(STDIN, env.in(), EventSplitter.Layout.AUTO, h);
        continue;
      }
      Path p = Path.of(in);
      List<Path> files;
      try {
        if (!Files.exists(p)) {
          throw new NoSuchFileException(in);
        }
        files = files(p);
      } catch (IOException | java.io.UncheckedIOException e) {
        problem(in + ": " + (e instanceof NoSuchFileException ? "no such file or folder" : "cannot read: " + e.getMessage()));
        unreadable++;
        continue;
      }
      for (Path f : files) {
        String name = f.toString();
        try (InputStream s = Files.newInputStream(f)) {
          readStream(name, s, EventSplitter.Layout.of(name), h);
        } catch (IOException e) {
          problem(name + ": cannot read: " + e.getMessage());
          unreadable++;
        }
      }
    }
  }

  private void readStream(String name, InputStream raw, EventSplitter.Layout layout, Handler h) {
    InputStream counted = new FilterInputStream(raw) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytesRead += n;
        }
        return n;
      }
    };
    try {
      EventSplitter.split(counted, layout, maxBytes, new EventSplitter.Sink() {
        @Override
        public void payload(int line, byte[] body) {
          decode(name + ":" + line, body, h);
        }

        @Override
        public void bad(int line, String message) {
          bad++;
          // the splitter's own words for a payload over the limit: said as every other limit is, naming the flag
          String said = message.startsWith("a payload larger than ")
              ? "document longer than " + maxBytes + " bytes (skipped unread); raise --limit maxDocumentBytes=N" : message;
          problem(name + ":" + line + ": invalid event: (root): " + said);
        }
      });
    } catch (IOException e) {
      problem(name + ": cannot read: " + e.getMessage());
      unreadable++;
    }
  }

  private void decode(String position, byte[] body, Handler h) {
    EventDecoder.Decoded decoded;
    try {
      decoded = decoder.read(body, set);
    } catch (InvalidEventException e) {
      bad++;
      problem(position + ": " + CliWords.flags(e.getMessage().replace('\n', ' ')));
      return;
    }
    Delivery d = decoded.delivery();
    if (d instanceof Delivery.Handshake hs) {
      handshakes++;
      h.handshake(position, hs);
    } else {
      events++;
      h.event(position, ((Delivery.Received) d).event(), decoded.ids());
    }
    progress.tick(events + bad + handshakes);
  }

  /** One line on stderr, the progress bar cleared first. */
  void problem(String message) {
    progress.clear();
    err.println("subfilter: " + message);
    err.flush();
  }

  /** All inputs' names, for messages. */
  String describeInputs() {
    List<String> names = new ArrayList<>();
    for (String in : inputs) {
      names.add(in.equals("-") ? "standard input" : in);
    }
    return String.join(", ", names);
  }
}
