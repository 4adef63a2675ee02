package dev.subfilter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Problem;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads subscriptions from files and folders: a file holds one subscription object or an array of
 * them; a folder holds {@code .json} files (searched recursively, in name order, hidden ones
 * skipped). Each subscription's id is its {@code id} member, else {@code FILE#index} in an array,
 * else {@code FILE}. Every problem is located as {@code file:/json/pointer}.
 */
final class SubscriptionFiles {

  /** A valid subscription and where it came from. */
  record Entry(String id, String origin, Subscription subscription) {}

  /** A problem in a file: {@code file:/pointer: message}, on one line. */
  record Finding(String file, String pointer, String message) {
    String format() {
      return oneLine(file + ":" + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message);
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
    final List<Finding> problems = new ArrayList<>();
    /** Paths that do not exist or cannot be read, each as one message. */
    final List<String> unreadable = new ArrayList<>();
    int files;
  }

  private SubscriptionFiles() {}

  /** Reads {@code paths}; {@code -} reads {@code stdin} (named {@code <stdin>}). */
  static Result load(List<Path> paths, SubfilterJson json, boolean lenient, InputStream stdin) {
    Result r = new Result();
    ObjectMapper mapper = Jsons.reader(json.limits(), lenient);
    Map<String, String> ids = new HashMap<>();
    for (Path p : paths) {
      if (p.toString().equals("-")) {
        byte[] bytes;
        try {
          bytes = stdin.readAllBytes();
        } catch (IOException e) {
          r.unreadable.add("standard input: cannot read: " + e.getMessage());
          continue;
        }
        parse(EventReader.STDIN, bytes, json, mapper, lenient, ids, r);
        continue;
      }
      if (!Files.exists(p)) {
        r.unreadable.add(p + ": no such file or folder");
        continue;
      }
      List<Path> files;
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                  && !hidden(p, f))
              .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          r.unreadable.add(p + ": cannot read the folder: " + e.getMessage());
          continue;
        }
        if (files.isEmpty()) {
          r.problems.add(new Finding(p.toString(), "", "no .json files in this folder"));
        }
      } else {
        files = List.of(p);
      }
      for (Path f : files) {
        readFile(f, json, mapper, lenient, ids, r);
      }
    }
    return r;
  }

  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void readFile(Path f, SubfilterJson json, ObjectMapper mapper, boolean lenient, Map<String, String> ids, Result r) {
    String file = f.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      r.unreadable.add(file + ": no such file");
      return;
    } catch (IOException e) {
      r.unreadable.add(file + ": cannot read: " + e.getMessage());
      return;
    }
    parse(file, bytes, json, mapper, lenient, ids, r);
  }

  private static void parse(String file, byte[] bytes, SubfilterJson json, ObjectMapper mapper, boolean lenient,
      Map<String, String> ids, Result r) {
    r.files++;
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (StreamConstraintsException e) {
      String m = String.valueOf(e.getOriginalMessage());
      // a file may nest two levels more than a subscription (an array of them): name the subscription's limit, not Jackson's
      r.problems.add(new Finding(file, "", m.contains("getMaxNestingDepth")
          ? "JSON nested deeper than " + json.limits().maxJsonDepth() + " levels; raise Limits.maxJsonDepth"
          : "JSON exceeds a reading limit: " + m));
      return;
    } catch (IOException e) {
      r.problems.add(new Finding(file, "", "not valid JSON: " + Jsons.error(e) + (lenient ? "" : hint(e))));
      return;
    }
    if (root == null || root.isMissingNode()) {
      r.problems.add(new Finding(file, "", "empty file; expected a subscription object or an array of them"));
      return;
    }
    if (root.isArray()) {
      if (root.isEmpty()) {
        r.problems.add(new Finding(file, "", "an empty array; expected subscriptions in it"));
      }
      for (int i = 0; i < root.size(); i++) {
        one(file, "/" + i, file + "#" + i, root.get(i), json, ids, r);
      }
    } else if (root.isObject()) {
      one(file, "", file, root, json, ids, r);
    } else {
      r.problems.add(new Finding(file, "", "expected a subscription object or an array of them, found " + Jsons.describe(root)));
    }
  }

  /** Workfront's docs quote with single quotes and leave trailing commas: say how to read them. */
  private static String hint(IOException e) {
    String m = String.valueOf(e.getMessage());
    boolean pasted = m.contains("(code 39)") || m.contains("was expecting double-quote") || m.contains("comment")
        || m.contains("Unexpected character ('}'") || m.contains("Unexpected character (']'");
    return pasted ? "; for subscriptions pasted from the Workfront docs, try --lenient" : "";
  }

  private static void one(String file, String pointer, String origin, JsonNode node, SubfilterJson json, Map<String, String> ids, Result r) {
    Subscription s;
    try {
      s = json.readSubscription(node);
    } catch (InvalidSubscriptionException e) {
      for (Problem p : e.problems()) {
        r.problems.add(new Finding(file, pointer + p.pointer(), p.message()));
      }
      return;
    }
    JsonNode idNode = node.get("id");
    String id = origin;
    boolean explicit = false;
    if (idNode != null && (idNode.isTextual() || idNode.isNumber()) && !idNode.asText().isEmpty()) {
      id = idNode.isNumber() ? idNode.decimalValue().toPlainString() : idNode.textValue();
      explicit = true;
    }
    String first = ids.putIfAbsent(id, origin);
    if (first != null) {
      r.problems.add(new Finding(file, explicit ? pointer + "/id" : pointer,
          "duplicate id \"" + id + "\"; also used by " + first));
      return;
    }
    r.entries.add(new Entry(id, origin, s));
  }
}
