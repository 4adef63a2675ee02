package dev.subfilter.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Limits;
import dev.subfilter.Problem;
import dev.subfilter.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads subscriptions from files and folders, as the {@code subfilter} command does.
 *
 * <pre>{@code
 * SubscriptionLoader.Result loaded = SubscriptionLoader.create(json).load(Path.of("subscriptions"));
 * loaded.orThrow().forEach((id, s) -> set.add(id, s.compile()));
 * }</pre>
 *
 * <h2>What it reads</h2>
 *
 * <ul>
 *   <li>A file holds one subscription object or a JSON array of them. It is read whatever its name.
 *   <li>A folder is searched, recursively, for files whose name ends in {@code .json} (any case),
 *       read in the order of their paths; hidden files and folders (a name starting with {@code
 *       .}) are skipped. A folder without such files is a problem.
 *   <li>A {@link Input.Document document} already in memory (standard input, a class path
 *       resource) is read like a file, under the name given.
 * </ul>
 *
 * <p>Each subscription is named by its {@code id} key (a non-blank string, or a number in plain
 * decimals; {@code null} is no id), else {@code FILE#index} in an array, else {@code FILE}, where {@code FILE} is the path
 * as given (a folder's files as the folder's path joined with theirs). Ids are unique across
 * everything one call reads: a second use of an id is a problem.
 *
 * <h2>Problems</h2>
 *
 * Nothing is thrown for bad content: every problem of every file is collected in the {@link
 * Result}, located as {@code file:/json/pointer} ({@link FileProblem}), the pointer running from the
 * file's root ({@code /3/filters/0/comparison} in an array). A file that is not JSON, or that
 * exceeds a reading limit, is one problem and contributes no subscription. Paths that do not exist
 * or cannot be read are listed apart ({@link Result#unreadable()}). {@link Result#orThrow()} turns
 * any of them into one {@link SubscriptionLoadException}.
 *
 * <h2>Modes and limits</h2>
 *
 * Subscriptions are validated by the given {@link SubfilterJson}: its {@link SubfilterJson#mode()
 * mode} and {@link SubfilterJson#limits() limits} apply to each subscription as they apply to
 * {@link SubfilterJson#readSubscription(byte[])}: {@link Limits#maxDocumentBytes()} bounds each
 * subscription (an element of an array counted alone), {@link Limits#maxJsonDepth()} its nesting. A
 * file may hold at most {@value #MAX_FILE_BYTES} bytes. Strict JSON by default; {@link
 * #lenient(boolean) lenient} reads subscriptions as pasted from the Workfront docs (single quotes,
 * trailing commas, comments, unquoted names).
 *
 * <p>Immutable and thread-safe. {@code null} arguments throw {@link NullPointerException}.
 */
public final class SubscriptionLoader {
  /** The largest file read (1 GiB): a file of many subscriptions may be larger than one subscription may be. */
  public static final long MAX_FILE_BYTES = 1L << 30;

  /** The end of a strict reader's message for text that looks pasted from the Workfront docs. */
  static final String LENIENT_HINT = "; for subscriptions pasted from the Workfront docs, read leniently (SubscriptionLoader.lenient(true))";

  private final SubfilterJson json;
  private final boolean lenient;
  private final ObjectMapper mapper;

  private SubscriptionLoader(SubfilterJson json, boolean lenient) {
    this.json = Objects.requireNonNull(json, "json");
    this.lenient = lenient;
    this.mapper = mapper(json.limits(), lenient);
  }

  /**
   * A strict loader validating with {@link SubfilterJson#create()}: extended mode, default limits.
   *
   * @return the loader
   */
  public static SubscriptionLoader create() {
    return new SubscriptionLoader(SubfilterJson.create(), false);
  }

  /**
   * A strict loader validating with {@code json}'s mode and limits.
   *
   * @param json the reader; not {@code null}
   * @return the loader
   */
  public static SubscriptionLoader create(SubfilterJson json) {
    return new SubscriptionLoader(json, false);
  }

  /**
   * This loader, reading strict JSON or, when {@code lenient}, subscriptions as pasted from the
   * Workfront docs: single-quoted strings, trailing commas, comments and unquoted names.
   *
   * @param lenient true to accept the docs' relaxed JSON
   * @return a loader with the same reader, strict or lenient as asked
   */
  public SubscriptionLoader lenient(boolean lenient) {
    return lenient == this.lenient ? this : new SubscriptionLoader(json, lenient);
  }

  /**
   * Whether this loader reads relaxed JSON.
   *
   * @return true when lenient, false when strict
   */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * The reader that validates each subscription.
   *
   * @return the reader whose mode and limits apply
   */
  public SubfilterJson json() {
    return json;
  }

  /**
   * Reads files and folders, in the order given.
   *
   * @param paths subscription files and folders of them; not {@code null}
   * @return the subscriptions by id and every problem; never throws for bad content
   * @throws NullPointerException when {@code paths} or one of them is {@code null}
   */
  public Result load(Path... paths) {
    return load(Arrays.stream(Objects.requireNonNull(paths, "paths")).map(Input::of).toList());
  }

  /**
   * Reads one document held in memory, as a file named {@code name}.
   *
   * @param name how problems and default ids name it, e.g. {@code <stdin>}; not {@code null}
   * @param document the document's bytes (UTF-8, UTF-16 or UTF-32); not {@code null}
   * @return the subscriptions by id and every problem; never throws for bad content
   */
  public Result read(String name, byte[] document) {
    return load(List.of(Input.of(name, document)));
  }

  /**
   * Reads files, folders and documents in memory, in the order given, ids unique across all.
   *
   * @param inputs what to read; not {@code null}
   * @return the subscriptions by id and every problem; never throws for bad content
   * @throws NullPointerException when {@code inputs} or one of them is {@code null}
   */
  public Result load(List<Input> inputs) {
    Run run = new Run();
    for (Input in : Objects.requireNonNull(inputs, "inputs")) {
      if (Objects.requireNonNull(in, "inputs: a null input") instanceof Input.Document d) {
        run.document(d.name(), d.content);
      } else {
        run.path(((Input.FileOrFolder) in).path());
      }
    }
    return new Result(run.subscriptions, run.problems, run.unreadable, run.documents, run.located);
  }

  /** One call's state: what was read so far and which ids are taken, by whom. */
  private final class Run {
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    final Map<String, String> origins = new HashMap<>();
    final Map<String, Origin> located = new HashMap<>();
    final List<FileProblem> problems = new ArrayList<>();
    final List<FileProblem> unreadable = new ArrayList<>();
    int documents;

    void path(Path p) {
      if (!Files.exists(p)) {
        unreadable.add(new FileProblem(p.toString(), "", "no such file or folder"));
        return;
      }
      if (!Files.isDirectory(p)) {
        file(p);
        return;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(p)) {
        files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                && !hidden(p, f))
            .sorted(Comparator.comparing(Path::toString)).toList();
      } catch (IOException | UncheckedIOException e) {
        unreadable.add(new FileProblem(p.toString(), "", "cannot read the folder: " + e.getMessage()));
        return;
      }
      if (files.isEmpty()) {
        problems.add(new FileProblem(p.toString(), "", "no .json files in this folder"));
      }
      files.forEach(this::file);
    }

    void file(Path f) {
      String name = f.toString();
      byte[] bytes;
      try {
        long size = Files.size(f);
        if (size > MAX_FILE_BYTES) {
          documents++;
          problems.add(new FileProblem(name, "", tooLarge(size)));
          return;
        }
        bytes = Files.readAllBytes(f);
      } catch (NoSuchFileException e) {
        unreadable.add(new FileProblem(name, "", "no such file"));
        return;
      } catch (IOException e) {
        unreadable.add(new FileProblem(name, "", "cannot read: " + e.getMessage()));
        return;
      }
      document(name, bytes);
    }

    void document(String file, byte[] bytes) {
      documents++;
      if (bytes.length > MAX_FILE_BYTES) {
        problems.add(new FileProblem(file, "", tooLarge(bytes.length)));
        return;
      }
      List<Element> elements = new ArrayList<>();
      FileProblem unreadableJson = parse(file, bytes, elements);
      if (unreadableJson != null) {
        problems.add(unreadableJson); // a file that cannot be read whole contributes nothing
        return;
      }
      for (Element e : elements) {
        add(file, e);
      }
    }

    /** Names one subscription, in document order, or records its problems. */
    private void add(String file, Element e) {
      if (!e.problems.isEmpty()) {
        for (Problem p : e.problems) {
          problems.add(new FileProblem(file, e.pointer + p.pointer(), p.message()));
        }
        return;
      }
      String origin = e.pointer.isEmpty() ? file : file + "#" + e.pointer.substring(1);
      String id = origin;
      JsonNode idNode = e.idNode == null || e.idNode.isNull() ? null : e.idNode; // null: not set, as for objId
      if (idNode != null) {
        id = explicitId(idNode);
        if (id == null) {
          problems.add(new FileProblem(file, e.pointer + "/id", "found " + describe(idNode)
              + "; an id must be a non-blank string or a number (of at most " + json.limits().maxStringLength()
              + " digits; Limits.maxStringLength)"));
          return;
        }
      }
      String first = origins.putIfAbsent(id, origin);
      if (first != null) {
        problems.add(new FileProblem(file, idNode != null ? e.pointer + "/id" : e.pointer,
            "duplicate id \"" + id + "\"; also used by " + first));
        return;
      }
      subscriptions.put(id, e.subscription);
      located.put(id, new Origin(file, e.pointer));
    }
  }

  /** Where a subscription is and what it is: valid with its {@code id} key's value, or its problems (pointers within it). */
  private record Element(String pointer, Subscription subscription, JsonNode idNode, List<Problem> problems) {}

  /**
   * Reads the document's subscription objects into {@code out}, each as a tree; or returns the one
   * problem that makes the document unreadable (not JSON, a reading limit, not object nor array).
   */
  private FileProblem parse(String file, byte[] bytes, List<Element> out) {
    String at = "";
    try (JsonParser p = mapper.createParser(bytes)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new FileProblem(file, "", "empty file; expected a subscription object or an array of them");
      }
      if (t == JsonToken.START_ARRAY) {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          at = "/" + i++;
          out.add(element(at, p));
        }
        if (i == 0) {
          return new FileProblem(file, "", "an empty array; expected subscriptions in it");
        }
        at = "";
      } else if (t == JsonToken.START_OBJECT) {
        out.add(element("", p));
      } else {
        return new FileProblem(file, "", "expected a subscription object or an array of them, found " + describe(mapper.readTree(p)));
      }
      if (p.nextToken() != null) {
        JsonLocation loc = p.currentTokenLocation();
        return new FileProblem(file, "", "not valid JSON: more content after the end of the first value (line "
            + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
      }
      return null;
    } catch (StreamConstraintsException e) {
      return new FileProblem(file, at, SubfilterJson.limitMessage(e));
    } catch (JsonProcessingException e) {
      String error = SubfilterJson.jsonError(e).replace('\n', ' ');
      return new FileProblem(file, "", "not valid JSON: " + error + (lenient ? "" : hint(e)));
    } catch (IOException e) {
      return new FileProblem(file, "", "not valid JSON: " + e.getMessage()); // bytes in memory: no I/O can fail
    } catch (NumberFormatException | ArithmeticException e) {
      return new FileProblem(file, at, "a number out of range (its exponent must fit 32 bits): " + e.getMessage());
    }
  }

  /**
   * The subscription at the parser's current token, validated as {@link
   * SubfilterJson#readSubscription(byte[])} would: within {@link Limits#maxDocumentBytes} and {@link
   * Limits#maxJsonDepth} (which the reader checks one level deeper, for an array around it).
   */
  private Element element(String pointer, JsonParser p) throws IOException {
    long start = offset(p.currentTokenLocation());
    JsonNode node = mapper.readTree(p);
    long size = offset(p.currentLocation()) - start;
    Limits limits = json.limits();
    String tooLong = limits.documentBytesProblem(size);
    if (tooLong != null) {
      return invalid(pointer, tooLong);
    }
    String tooDeep = limits.jsonDepthProblem(depth(node));
    if (tooDeep != null) {
      return invalid(pointer, tooDeep);
    }
    try {
      return new Element(pointer, json.readSubscription(node), node.get("id"), List.of());
    } catch (InvalidSubscriptionException e) {
      return new Element(pointer, null, null, e.problems());
    }
  }

  private static Element invalid(String pointer, String message) {
    return new Element(pointer, null, null, List.of(new Problem("", message)));
  }

  /** Bytes into the document; characters for the UTF-16 and UTF-32 documents Jackson reads as text. */
  private static long offset(JsonLocation loc) {
    return loc.getByteOffset() >= 0 ? loc.getByteOffset() : loc.getCharOffset();
  }

  private static String tooLarge(long size) {
    return "a file of " + size + " bytes; a subscription file may hold at most " + MAX_FILE_BYTES + " bytes";
  }

  /** The nesting depth of a tree as Jackson counts it ({@code {}} is 1); the tree is already bounded by the reader. */
  private static int depth(JsonNode n) {
    if (!n.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : n) {
      deepest = Math.max(deepest, depth(child));
    }
    return deepest + 1;
  }

  /** The id an {@code id} key gives, or {@code null} when it cannot name a subscription. */
  private String explicitId(JsonNode idNode) {
    if (idNode.isTextual()) {
      return idNode.textValue().isBlank() ? null : idNode.textValue();
    }
    if (idNode.isNumber() && !JacksonModel.nonFinite(idNode)) {
      BigDecimal d = idNode.decimalValue();
      long digits = d.scale() <= 0 ? (long) d.precision() - d.scale() : Math.max(d.precision(), d.scale()) + 2L;
      return digits <= json.limits().maxStringLength() ? d.toPlainString() : null;
    }
    return null;
  }

  /** Workfront's docs quote with single quotes and leave trailing commas: say how to read them. */
  private static String hint(JsonProcessingException e) {
    String m = String.valueOf(e.getMessage());
    boolean pasted = m.contains("(code 39)") || m.contains("was expecting double-quote") || m.contains("comment")
        || m.contains("Unexpected character ('}'") || m.contains("Unexpected character (']'");
    return pasted ? LENIENT_HINT : "";
  }

  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> n.textValue().isBlank() ? "a blank string" : "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  /**
   * A file reader as strict as {@link SubfilterJson}'s, one level deeper for an array around the
   * subscriptions; trailing content is checked by {@link #parse}, which reads value by value.
   */
  private static ObjectMapper mapper(Limits limits, boolean lenient) {
    return SubfilterJson.mapperBuilder(LimitConstraints.forFiles(limits), lenient).build();
  }

  /**
   * What to read: a {@link FileOrFolder file or folder}, or a {@link Document document} already in
   * memory.
   */
  public sealed interface Input {
    /**
     * A file or folder to read.
     *
     * @param path the path; not {@code null}
     * @return the input
     */
    static Input of(Path path) {
      return new FileOrFolder(path);
    }

    /**
     * A document in memory, read as a file named {@code name}.
     *
     * @param name the name problems and default ids use; not {@code null}
     * @param content the document's bytes; copied
     * @return the input
     */
    static Input of(String name, byte[] content) {
      return new Document(name, content);
    }

    /**
     * A subscription file, or a folder searched for {@code .json} files.
     *
     * @param path the path; not {@code null}
     */
    record FileOrFolder(Path path) implements Input {
      /**
       * An input reading {@code path}.
       *
       * @param path the file or folder
       * @throws NullPointerException when {@code path} is {@code null}
       */
      public FileOrFolder {
        Objects.requireNonNull(path, "path");
      }
    }

    /**
     * A document held in memory, such as standard input.
     *
     * @param name the name problems and default ids use, as a file's path would be; not {@code null}
     * @param content the document's bytes, copied in and out (UTF-8, UTF-16 or UTF-32)
     */
    record Document(String name, byte[] content) implements Input {
      /**
       * An input reading a copy of {@code content}.
       *
       * @param name the document's name
       * @param content the document's bytes
       * @throws NullPointerException when an argument is {@code null}
       */
      public Document {
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
      }

      /**
       * The document's bytes.
       *
       * @return a copy
       */
      @Override
      public byte[] content() {
        return content.clone();
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Document d && d.name.equals(name) && Arrays.equals(d.content, content);
      }

      @Override
      public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
      }

      @Override
      public String toString() {
        return "Document[name=" + name + ", " + content.length + " bytes]";
      }
    }
  }

  /**
   * A problem in a file: which file, where in it (a JSON Pointer from the file's root, {@code ""}
   * for the whole file), and what.
   *
   * @param file the path as given (or a folder's path joined with the file's), or a document's name
   * @param pointer a JSON Pointer into the file, {@code ""} for the whole file
   * @param message what was found and what is allowed
   */
  public record FileProblem(String file, String pointer, String message) {
    /**
     * A problem at {@code pointer} in {@code file}.
     *
     * @param file the file or document
     * @param pointer the JSON Pointer
     * @param message the message
     * @throws NullPointerException when an argument is {@code null}
     */
    public FileProblem {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(message, "message");
    }

    /**
     * The problem as {@code subfilter check} prints it.
     *
     * @return {@code file:/pointer: message}, or {@code file:(root): message} for the whole file
     */
    @Override
    public String toString() {
      return file + ":" + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
  }

  /**
   * Where one subscription was read.
   *
   * @param file the file (or in-memory document) name, as in {@link FileProblem#file()}
   * @param pointer the subscription's JSON Pointer in it: {@code /3} in an array, {@code ""} for the whole document
   */
  public record Origin(String file, String pointer) {
    /**
     * Checks both parts are there.
     *
     * @param file the file (or in-memory document) name
     * @param pointer the subscription's JSON Pointer in it
     * @throws NullPointerException when either is {@code null}
     */
    public Origin {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(pointer, "pointer");
    }
  }

  /** What one call read: the valid subscriptions by id, and every problem. Immutable. */
  public static final class Result {
    private final Map<String, Subscription> subscriptions;
    private final List<FileProblem> problems;
    private final List<FileProblem> unreadable;
    private final int documents;
    private final Map<String, Origin> origins;

    Result(Map<String, Subscription> subscriptions, List<FileProblem> problems, List<FileProblem> unreadable, int documents,
        Map<String, Origin> origins) {
      this.subscriptions = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
      this.problems = List.copyOf(problems);
      this.unreadable = List.copyOf(unreadable);
      this.documents = documents;
      this.origins = Map.copyOf(origins);
    }

    /**
     * Where a subscription of {@link #subscriptions()} was read: for pointing at it in messages
     * about it (lint warnings, for one), as {@code file:/pointer}.
     *
     * @param id an id of {@link #subscriptions()}
     * @return its file and its JSON Pointer in that file ({@code ""} for a file holding only it), or
     *     {@code null} for an id not read
     */
    public Origin origin(String id) {
      return origins.get(Objects.requireNonNull(id, "id"));
    }

    /**
     * The subscriptions that are valid and whose id is unique, even when others have problems.
     *
     * @return an unmodifiable map from id to subscription, in reading order
     */
    public Map<String, Subscription> subscriptions() {
      return subscriptions;
    }

    /**
     * Every problem in what was read, in reading order: invalid subscriptions, duplicate ids, files
     * that are not JSON, empty files and folders.
     *
     * @return an unmodifiable list, empty when all is well
     */
    public List<FileProblem> problems() {
      return problems;
    }

    /**
     * The paths that do not exist or cannot be read, each with its pointer {@code ""} and the
     * reason ({@code no such file or folder}, {@code cannot read: ...}).
     *
     * @return an unmodifiable list, empty when every path was read
     */
    public List<FileProblem> unreadable() {
      return unreadable;
    }

    /**
     * How many files (and documents in memory) were read, valid or not.
     *
     * @return the count
     */
    public int documents() {
      return documents;
    }

    /**
     * Whether everything was read and valid.
     *
     * @return true when there are neither problems nor unreadable paths
     */
    public boolean isValid() {
      return problems.isEmpty() && unreadable.isEmpty();
    }

    /**
     * The subscriptions, when everything was read and valid.
     *
     * @return {@link #subscriptions()}
     * @throws SubscriptionLoadException listing every unreadable path and every problem, when
     *     there is any
     */
    public Map<String, Subscription> orThrow() {
      if (!isValid()) {
        throw new SubscriptionLoadException(this);
      }
      return subscriptions;
    }

    /** The summary line and each unreadable path and problem on its own line. */
    String describe() {
      int n = problems.size() + unreadable.size();
      String head = n == 1 ? "cannot load the subscriptions, 1 problem:" : "cannot load the subscriptions, " + n + " problems:";
      return Stream.concat(
              unreadable.stream().map(u -> u.file() + ": " + u.message()),
              problems.stream().map(FileProblem::toString))
          .collect(Collectors.joining("\n", head + "\n", ""));
    }

    @Override
    public String toString() {
      return "SubscriptionLoader.Result[" + subscriptions.size() + " subscriptions in " + documents + " documents, "
          + problems.size() + " problems, " + unreadable.size() + " unreadable]";
    }
  }
}
