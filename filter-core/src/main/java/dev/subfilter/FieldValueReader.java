package dev.subfilter;

import dev.subfilter.internal.Plan;
import dev.subfilter.internal.Numbers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a subscription's JSON {@code fieldValue} into its {@link FieldValue}: the one place that
 * knows the nested forms ({@code fields}, {@code objects}, bare objects) and the checks a value
 * must pass (shape, {@link Limits#maxValueDepth()}, the length of numbers written out), and what
 * each operator reads at a leaf ({@link #leafProblems}).
 */
final class FieldValueReader {
  static final String EMPTY_OBJECT = "an empty object matches nothing; give the keys to match, e.g. {\"fields\": {\"key\": \"value\"}}";

  /** What a value built in code must pass: no limit beyond what compiling it can handle. */
  private static final Limits ANY = new Limits(Limits.MAX_DEPTH, Integer.MAX_VALUE, Limits.MAX_DEPTH,
      Limits.MAX_STRING_LENGTH, Long.MAX_VALUE, Limits.MAX_DEPTH, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private FieldValueReader() {}

  /** The keyword of a keyword-form object ({@code "fields"} or {@code "objects"}), or {@code null} for a bare object. */
  static String keyword(Map<String, ?> members) {
    if (members.size() == 1) {
      String k = members.keySet().iterator().next();
      if (k.equals("fields") || k.equals("objects")) {
        return k;
      }
    }
    return null;
  }

  /** {@link FieldValue#of}. */
  static FieldValue of(JsonValue json) {
    java.util.Objects.requireNonNull(json, "json");
    StringBuilder first = new StringBuilder();
    FieldValue v = read(json, "", ANY, (pointer, message) -> {
      if (first.length() == 0) {
        first.append(pointer.isEmpty() ? "" : pointer + ": ").append(message);
      }
    });
    if (v == null) {
      throw new IllegalArgumentException("fieldValue: " + first);
    }
    return v;
  }

  /** Checks a value built in code as {@link #read} and {@link #leafProblems} check one read from JSON (within {@link #ANY}). */
  static void requireValid(FieldValue v, Operator op) {
    of(v.toJson());
    StringBuilder first = new StringBuilder();
    leafProblems(op, v, "", ANY, (pointer, message) -> {
      if (first.length() == 0) {
        first.append(pointer.isEmpty() ? "" : pointer + ": ").append(message);
      }
    });
    if (first.length() > 0) {
      throw new IllegalArgumentException("fieldValue: " + first);
    }
  }

  /**
   * Reports what {@code op} cannot read at the leaves of {@code v} (at {@code pointer}, nested
   * leaves below it as written): {@code startsWith} and {@code endsWith} take a non-empty string,
   * {@code like} a valid pattern, {@code in} and {@code notIn} a non-empty array of scalars of at
   * most {@link Limits#maxInValues()} values; other operators take any leaf.
   */
  static void leafProblems(Operator op, FieldValue v, String pointer, Limits limits, BiConsumer<String, String> problems) {
    if (v instanceof FieldValue.Fields f) {
      String base = f.keyword() ? Problem.child(pointer, "fields") : pointer;
      for (Map.Entry<String, FieldValue> e : f.members().entrySet()) {
        leafProblems(op, e.getValue(), Problem.child(base, e.getKey()), limits, problems);
      }
      return;
    }
    if (v instanceof FieldValue.Objects o) {
      String base = Problem.child(pointer, "objects");
      for (Map.Entry<String, FieldValue> e : o.members().entrySet()) {
        leafProblems(op, e.getValue(), Problem.child(base, e.getKey()), limits, problems);
      }
      return;
    }
    JsonValue leaf = (JsonValue) v;
    String problem = switch (op) {
      case STARTS_WITH, ENDS_WITH -> leaf instanceof JsonValue.Str s && !s.value().isEmpty() ? null
          : op.token() + " needs a non-empty string, found " + (leaf instanceof JsonValue.Str ? "an empty string" : leaf.describe());
      case LIKE -> leaf instanceof JsonValue.Str s ? Plan.likeProblem(s.value())
          : "like needs a string pattern (* is any run of characters), found " + leaf.describe();
      case IN, NOT_IN -> listProblem(op, leaf, pointer, limits, problems);
      default -> null;
    };
    if (problem != null) {
      problems.accept(pointer, problem);
    }
  }

  /** An in list's own problem (its elements' are reported at their pointers), or {@code null}. */
  private static String listProblem(Operator op, JsonValue leaf, String pointer, Limits limits, BiConsumer<String, String> problems) {
    if (!(leaf instanceof JsonValue.Arr a)) {
      return op.token() + " needs a non-empty array of values (strings, numbers, booleans, null), found " + leaf.describe();
    }
    if (a.elements().isEmpty()) {
      return op.token() + " needs a non-empty array of values; an empty list " + (op == Operator.IN ? "matches nothing" : "excludes nothing");
    }
    for (int i = 0; i < a.elements().size(); i++) {
      JsonValue e = a.elements().get(i);
      if (e instanceof JsonValue.Arr || e instanceof JsonValue.Obj) {
        problems.accept(Problem.child(pointer, i), "a value of an " + op.token() + " list is a string, number, boolean or null, found " + e.describe());
      }
    }
    return limits.inValuesProblem(a.elements().size());
  }

  /**
   * The typed form of {@code json}, or {@code null} when it has problems, each reported to {@code
   * problems} with its JSON Pointer (below {@code pointer}); every problem is reported, in the
   * order of a depth-first walk from the last member.
   */
  static FieldValue read(JsonValue json, String pointer, Limits limits, BiConsumer<String, String> problems) {
    return check(json, pointer, limits, problems) ? build(json) : null;
  }

  /** Shape, depth and number-size checks, without recursion (a value may be as deep as the document). */
  private static boolean check(JsonValue root, String rootPointer, Limits limits, BiConsumer<String, String> problems) {
    boolean ok = true;
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, rootPointer, 1, Boolean.TRUE});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      JsonValue v = (JsonValue) top[0];
      String p = (String) top[1];
      int depth = (Integer) top[2];
      boolean nestedForm = (Boolean) top[3];
      if (depth > limits.maxValueDepth() && (v instanceof JsonValue.Obj || v instanceof JsonValue.Arr)) {
        problems.accept(p, "fieldValue nested " + depth + " deep exceeds the limit of " + limits.maxValueDepth() + "; raise Limits.maxValueDepth");
        ok = false;
        continue;
      }
      if (v instanceof JsonValue.Num n) {
        if (Numbers.plainLength(n.value()) > limits.maxStringLength()) {
          problems.accept(p, "the number " + n + " has more than " + limits.maxStringLength() + " digits written out; raise Limits.maxStringLength");
          ok = false;
        }
      } else if (v instanceof JsonValue.Obj o && nestedForm) {
        String shape = shapeProblem(o);
        if (shape != null) {
          problems.accept(p, shape);
          ok = false;
          continue;
        }
        String k = keyword(o.members());
        String base = k == null ? p : Problem.child(p, k);
        for (Map.Entry<String, JsonValue> e : members(o).entrySet()) {
          stack.push(new Object[] {e.getValue(), Problem.child(base, e.getKey()), depth + 1, Boolean.TRUE});
        }
      } else if (v instanceof JsonValue.Obj o) {
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
          stack.push(new Object[] {e.getValue(), Problem.child(p, e.getKey()), depth + 1, Boolean.FALSE});
        }
      } else if (v instanceof JsonValue.Arr a) {
        for (int i = 0; i < a.elements().size(); i++) {
          stack.push(new Object[] {a.elements().get(i), Problem.child(p, i), depth + 1, Boolean.FALSE});
        }
      }
    }
    return ok;
  }

  /** What is wrong with this level of a nested value, or {@code null}. */
  private static String shapeProblem(JsonValue.Obj o) {
    if (o.members().isEmpty()) {
      return EMPTY_OBJECT;
    }
    String k = keyword(o.members());
    if (k == null) {
      return null;
    }
    JsonValue inner = o.get(k);
    if (!(inner instanceof JsonValue.Obj io)) {
      return "\"" + k + "\" must hold an object of keys to match, found " + inner.describe();
    }
    if (io.members().isEmpty()) {
      return "\"" + k + "\" holds an empty object; give the keys to match";
    }
    return null;
  }

  /** The keys a nested value constrains: the keyword's object, or the bare object itself. */
  private static Map<String, JsonValue> members(JsonValue.Obj o) {
    String k = keyword(o.members());
    return k == null ? o.members() : ((JsonValue.Obj) o.get(k)).members();
  }

  /** The typed form of a checked value; recursion depth is bounded by maxValueDepth. */
  private static FieldValue build(JsonValue v) {
    if (!(v instanceof JsonValue.Obj o)) {
      return (FieldValue) v; // every JsonValue but Obj is a leaf
    }
    Map<String, FieldValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : members(o).entrySet()) {
      out.put(e.getKey(), build(e.getValue()));
    }
    return "objects".equals(keyword(o.members())) ? new FieldValue.Objects(out) : new FieldValue.Fields(out, keyword(o.members()) != null);
  }

  /** The members as a JSON object, nested values written back as they were read. */
  static JsonValue.Obj toObject(Map<String, FieldValue> members) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    members.forEach((k, v) -> out.put(k, v.toJson()));
    return new JsonValue.Obj(out);
  }
}
