package dev.subfilter.cli;

import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.SubscriptionLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's side of {@link SubscriptionLoader}, which reads the files (so that the library and the
 * command cannot read them differently): {@code -} names standard input, and messages name CLI
 * flags.
 */
final class SubscriptionFiles {
  /** The loader's hint for text pasted from the Workfront docs names its Java call; the CLI names its flag. */
  private static final String LIBRARY_HINT = "read leniently (SubscriptionLoader.lenient(true))";
  private static final String CLI_HINT = "try --lenient";

  /** A valid subscription under its id. */
  record Entry(String id, Subscription subscription) {}

  /** A problem in a file: {@code file:/pointer: message}, on one line. */
  record Finding(String file, String pointer, String message) {
    String format() {
      return oneLine(file + ":" + (pointer.isEmpty() ? "(root)" : pointer) + ": " + CliWords.flags(message));
    }

    /** A pointer holds keys literally: a key with a line break in it must not break the line. */
    private static String oneLine(String s) {
      StringBuilder b = null;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20) {
          if (b == null) {
            b = new StringBuilder(s.length() + 8).append(s, 0, i);
          }
          b.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
        } else if (b != null) {
          b.append(c);
        }
      }
      return b == null ? s : b.toString();
    }
  }

  /** What {@link #load} found. */
  static final class Result {
    final List<Entry> entries = new ArrayList<>();
    /** Where each entry was read, for pointing at it: the lint's warnings. */
    final Map<String, SubscriptionLoader.Origin> origins = new HashMap<>();
    final List<Finding> problems = new ArrayList<>();
    /** Paths that do not exist or cannot be read, each as one message. */
    final List<String> unreadable = new ArrayList<>();
    int files;
  }

  private SubscriptionFiles() {}

  /** Reads {@code paths}; {@code -} reads {@code stdin} (named {@code <stdin>}). */
  static Result load(List<Path> paths, SubfilterJson json, boolean lenient, InputStream stdin) {
    Result r = new Result();
    List<SubscriptionLoader.Input> inputs = new ArrayList<>();
    for (Path p : paths) {
      if (!p.toString().equals("-")) {
        inputs.add(SubscriptionLoader.Input.of(p));
        continue;
      }
      try {
        inputs.add(SubscriptionLoader.Input.of(EventReader.STDIN, stdin.readAllBytes()));
      } catch (IOException e) {
        r.unreadable.add("standard input: cannot read: " + e.getMessage());
      }
    }
    SubscriptionLoader.Result loaded = SubscriptionLoader.create(json).lenient(lenient).load(inputs);
    loaded.subscriptions().forEach((id, s) -> {
      r.entries.add(new Entry(id, s));
      r.origins.put(id, loaded.origin(id));
    });
    for (SubscriptionLoader.FileProblem p : loaded.problems()) {
      r.problems.add(new Finding(p.file(), p.pointer(), p.message().replace(LIBRARY_HINT, CLI_HINT)));
    }
    for (SubscriptionLoader.FileProblem u : loaded.unreadable()) {
      r.unreadable.add(u.file() + ": " + u.message());
    }
    r.files = loaded.documents();
    return r;
  }
}
