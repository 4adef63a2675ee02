package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a subscription matched an event or not: the gate checks, then the subscription's filters as
 * a tree in which every filter and group carries the value(s) it saw, in which state, its result
 * and, when false, the reason in plain words. Made by {@link CompiledSubscription#explain(Event)};
 * {@link #matched()} always equals {@link CompiledSubscription#matches(Event)}, and every node's
 * result is computed by the same compiled code that {@code matches} runs.
 *
 * <p>Immutable and thread-safe. {@link #toText()} is a plain multi-line rendering for logs and
 * terminals; {@link #toJson()} the same tree as JSON for tools.
 *
 * <pre>{@code
 * Explanation x = subscription.explain(event);
 * if (!x.matched()) {
 *   log.info("not delivered: {}", x.why());   // e.g. "/filters/1 status changed: old state unknown ..."
 * }
 * }</pre>
 *
 * @param matched whether the subscription matches the event: the gate passed and the filters hold
 * @param gate the gate checks in order: {@code eventType}, {@code objCode} and, when the
 *     subscription sets one, {@code objId}
 * @param filters the subscription's top-level filters as a group whose connector is the
 *     subscription's {@code filterConnector} (pointer {@code /filters}); evaluated even when the gate
 *     fails, so both are shown; without filters a group with no children whose result is true
 */
public record Explanation(boolean matched, List<GateCheck> gate, Group filters) {

  /**
   * An explanation; the gate list is copied. {@code matched} is taken as given (not recomputed from
   * the gate and filters).
   *
   * @param matched whether the subscription matches the event
   * @param gate the gate checks in order; not {@code null}, nor any check
   * @param filters the top-level filters as a group; not {@code null}
   * @throws NullPointerException if {@code gate}, one of its checks, or {@code filters} is {@code null}
   */
  public Explanation {
    gate = List.copyOf(gate);
    Objects.requireNonNull(filters, "filters");
  }

  /** Why a check, filter or group is false. Each has a short lower-case {@link #token()} for JSON. */
  public enum Reason {
    /** Gate: the event's eventType (or vendor event name) is not the subscription's. */
    EVENT_TYPE_MISMATCH("event-type-mismatch"),
    /** Gate: the event's objCode is not the subscription's. */
    OBJ_CODE_MISMATCH("obj-code-mismatch"),
    /** Gate: the event's objId is not the one the subscription follows. */
    OBJ_ID_MISMATCH("obj-id-mismatch"),
    /** The filter reads the old state (or {@code changed} compares with it), and the event carries none. */
    OLD_STATE_UNKNOWN("old-state-unknown"),
    /** The field is absent from the state the filter reads. */
    ABSENT("absent"),
    /** {@code notExists}: the field is present. */
    PRESENT("present"),
    /** The field's JSON type cannot be compared with the fieldValue this way. */
    TYPE_MISMATCH("type-mismatch"),
    /** {@code eq}: comparable, but a different value. */
    NOT_EQUAL("not-equal"),
    /** {@code ne}: the value equals the fieldValue. */
    EQUAL("equal"),
    /** {@code gt}, {@code gte}, {@code lt}, {@code lte}: comparable, but on the wrong side. */
    OUT_OF_RANGE("out-of-range"),
    /** {@code contains}: the string or array does not contain the fieldValue. */
    NOT_CONTAINED("not-contained"),
    /** {@code notContains}: it does contain the fieldValue. */
    CONTAINED("contained"),
    /** {@code containsOnly}: the set of values is not exactly the fieldValue's. */
    DIFFERENT_SET("different-set"),
    /** {@code changed}: the same value in both states (or absent from both). */
    UNCHANGED("unchanged"),
    /** {@code startsWith}: neither the string nor any string element begins with the fieldValue. */
    NOT_STARTING_WITH("not-starting-with"),
    /** {@code endsWith}: neither the string nor any string element ends with the fieldValue. */
    NOT_ENDING_WITH("not-ending-with"),
    /** {@code like}: neither the string nor any string element matches the pattern. */
    NOT_LIKE("not-like"),
    /** {@code in}: neither the value nor any element of it is one of the list. */
    NOT_IN("not-in"),
    /** {@code notIn}: the value, or an element of it, is one of the list. */
    IN("in"),
    /** A nested fieldValue: some key below the field does not hold. */
    NESTED_MISMATCH("nested-mismatch"),
    /** An AND group: at least one of its filters is false. */
    SOME_FALSE("some-false"),
    /** An OR group: none of its filters holds. */
    NONE_TRUE("none-true");

    private final String token;

    Reason(String token) {
      this.token = token;
    }

    /**
     * The reason as written in {@link #toJson()}, e.g. {@code old-state-unknown}.
     *
     * @return the token: the constant's name in lower case, words joined by {@code -}; never {@code null}
     */
    public String token() {
      return token;
    }
  }

  /**
   * One check of the gate.
   *
   * @param check {@code eventType}, {@code objCode} or {@code objId}
   * @param expected the subscription's value
   * @param actual the event's value ({@code eventType} checks the event's {@link Event#name()}
   *     when the subscription names a vendor event), or {@code null} when the event has none
   * @param passed whether they are equal
   * @param reason {@code null} when passed, else never
   * @param message the reason in plain words, {@code null} when passed, else never
   */
  public record GateCheck(String check, String expected, String actual, boolean passed, Reason reason, String message) {
    /**
     * A gate check.
     *
     * @param check {@code eventType}, {@code objCode} or {@code objId}; not {@code null}
     * @param expected the subscription's value; not {@code null}
     * @param actual the event's value, or {@code null} when the event has none
     * @param passed whether they are equal
     * @param reason {@code null} when passed, else not
     * @param message {@code null} when passed, else not
     * @throws NullPointerException if {@code check} or {@code expected} is {@code null}
     * @throws IllegalArgumentException if {@code reason} and {@code message} are not both set when
     *     failed, or not both {@code null} when passed
     */
    public GateCheck {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(expected, "expected");
      requireReason(passed, reason, message);
    }
  }

  /** Whether the old or new state was read, and what it held at the field. */
  public enum Presence {
    /** The field is in the state; {@link Seen#value()} holds it. */
    PRESENT,
    /** The state is known and does not have the field. */
    ABSENT,
    /** The event carries no old state. */
    STATE_UNKNOWN
  }

  /**
   * A value a filter saw.
   *
   * @param state the state read
   * @param path where in the state: the fieldName, or {@code parameterValues/DE:name} when a
   *     {@code DE:} field was found in {@code parameterValues}
   * @param presence whether it was there
   * @param value the value when {@link Presence#PRESENT} (very large or deep values are cut short,
   *     the cut parts replaced by the string {@code "..."}), else {@code null}
   */
  public record Seen(State state, String path, Presence presence, JsonValue value) {
    /**
     * A value seen.
     *
     * @param state the state read; not {@code null}
     * @param path where in the state; not {@code null}
     * @param presence whether it was there; not {@code null}
     * @param value the value exactly when {@link Presence#PRESENT}, else {@code null}
     * @throws NullPointerException if {@code state}, {@code path} or {@code presence} is {@code null}
     * @throws IllegalArgumentException if {@code value} is {@code null} while {@link Presence#PRESENT},
     *     or set while not
     */
    public Seen {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(presence, "presence");
      if ((presence == Presence.PRESENT) != (value != null)) {
        throw new IllegalArgumentException("a value exactly when present");
      }
    }

    /**
     * E.g. {@code newState.status = "CUR"}, {@code oldState.status: absent}, {@code oldState: unknown}.
     *
     * @return one line for people, the value's JSON cut to 120 characters (ending {@code ...}) when
     *     longer; never {@code null}
     */
    public String describe() {
      return switch (presence) {
        case PRESENT -> state.token() + "." + path + " = " + abbreviate(value.toString(), 120);
        case ABSENT -> state.token() + "." + path + ": absent";
        case STATE_UNKNOWN -> state.token() + ": unknown";
      };
    }
  }

  /**
   * A filter or a group: where it is in the subscription, what it says, and what it gave. Exactly
   * one of {@link Condition} and {@link Group}; immutable.
   */
  public sealed interface Node permits Condition, Group {
    /**
     * A JSON Pointer into the subscription, e.g. {@code /filters/2/filters/0}.
     *
     * @return the pointer ({@code /filters} for the top-level group); never {@code null}
     */
    String pointer();

    /**
     * What the filter or group says, e.g. {@code status eq "CPL"} or {@code group OR}.
     *
     * @return the description; never {@code null}
     */
    String description();

    /**
     * Its result for this event, as the compiled subscription computes it.
     *
     * @return whether the filter or group holds
     */
    boolean result();

    /**
     * Why it is false; {@code null} when true.
     *
     * @return the reason, or {@code null} when {@link #result()} is true
     */
    Reason reason();

    /**
     * The reason in plain words; {@code null} when true.
     *
     * @return the message, or {@code null} when {@link #result()} is true
     */
    String message();
  }

  /**
   * One condition of the subscription.
   *
   * @param pointer see {@link Node#pointer()}
   * @param description see {@link Node#description()}
   * @param filter the condition itself
   * @param seen the value(s) it read: one, or for {@code changed} the old then the new state's
   * @param result see {@link Node#result()}
   * @param reason see {@link Node#reason()}
   * @param message see {@link Node#message()}
   */
  public record Condition(String pointer, String description, Filter.Condition filter, List<Seen> seen,
      boolean result, Reason reason, String message) implements Node {
    /**
     * A condition's node; the seen list is copied.
     *
     * @param pointer where the condition is; not {@code null}
     * @param description what it says; not {@code null}
     * @param filter the condition itself; not {@code null}
     * @param seen the value(s) it read; not {@code null}, nor any of them
     * @param result whether it holds
     * @param reason {@code null} when it holds, else not
     * @param message {@code null} when it holds, else not
     * @throws NullPointerException if {@code pointer}, {@code description}, {@code filter},
     *     {@code seen} or one of its values is {@code null}
     * @throws IllegalArgumentException if {@code reason} and {@code message} are not both set when
     *     false, or not both {@code null} when true
     */
    public Condition {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(filter, "filter");
      seen = List.copyOf(seen);
      requireReason(result, reason, message);
    }
  }

  /**
   * A group, or the top-level filters.
   *
   * @param pointer see {@link Node#pointer()}
   * @param description see {@link Node#description()}
   * @param connector how the children combine
   * @param children the filters of the group, in subscription order
   * @param result see {@link Node#result()}
   * @param reason see {@link Node#reason()}
   * @param message see {@link Node#message()}
   */
  public record Group(String pointer, String description, Connector connector, List<Node> children,
      boolean result, Reason reason, String message) implements Node {
    /**
     * A group's node; the children list is copied.
     *
     * @param pointer where the group is; not {@code null}
     * @param description what it says; not {@code null}
     * @param connector how the children combine; not {@code null}
     * @param children the filters of the group; not {@code null}, nor any of them
     * @param result whether it holds
     * @param reason {@code null} when it holds, else not
     * @param message {@code null} when it holds, else not
     * @throws NullPointerException if {@code pointer}, {@code description}, {@code connector},
     *     {@code children} or one of them is {@code null}
     * @throws IllegalArgumentException if {@code reason} and {@code message} are not both set when
     *     false, or not both {@code null} when true
     */
    public Group {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(connector, "connector");
      children = List.copyOf(children);
      requireReason(result, reason, message);
    }
  }

  private static void requireReason(boolean ok, Reason reason, String message) {
    if (ok ? reason != null || message != null : reason == null || message == null) {
      throw new IllegalArgumentException("a reason and a message exactly when false");
    }
  }

  /**
   * Whether every gate check passed.
   *
   * @return {@code true} when no gate check failed (the filters alone then decide {@link #matched()})
   */
  public boolean gatePassed() {
    return gate.stream().allMatch(GateCheck::passed);
  }

  /**
   * Why it did not match, in one line: the first failing gate check, else the first false filter
   * found by descending into failing AND groups (an OR group that fails is named itself); {@code
   * null} when it matched.
   *
   * @return the reason, prefixed by the failing filter's pointer and description unless it is the
   *     gate's or the top-level group's own; {@code null} when {@link #matched()}
   */
  public String why() {
    if (matched) {
      return null;
    }
    for (GateCheck g : gate) {
      if (!g.passed()) {
        return g.message();
      }
    }
    Node n = filters;
    while (n instanceof Group g && g.connector() == Connector.AND) {
      Node next = null;
      for (Node c : g.children()) {
        if (!c.result()) {
          next = c;
          break;
        }
      }
      if (next == null) {
        break;
      }
      n = next;
    }
    return n == filters ? n.message() : n.pointer() + " " + n.description() + ": " + n.message();
  }

  /**
   * How {@link #lines(Style)} marks what it writes: every method gets the node's own verdict, so a
   * terminal can colour the words without reading them back. The defaults leave the text as is.
   */
  public interface Style {
    /** Plain text, as {@link #toText()} writes it. */
    Style PLAIN = new Style() {};

    /**
     * The first line.
     *
     * @param matched whether the subscription matched
     * @param line {@code match}, or {@code no match: } and the one-line reason
     * @return the line as written
     */
    default String verdict(boolean matched, String line) {
      return line;
    }

    /**
     * A check's, filter's or group's mark.
     *
     * @param passed its result
     * @param mark {@code pass} or {@code FAIL}
     * @return the mark as written
     */
    default String mark(boolean passed, String mark) {
      return mark;
    }

    /**
     * The label of a detail line.
     *
     * @param label {@code saw} or {@code why:}
     * @return the label as written
     */
    default String label(String label) {
      return label;
    }
  }

  /**
   * A plain rendering, one line per check, filter and group, indented by depth:
   *
   * <pre>
   * no match: /filters/1 status changed: old state unknown: the event carries no oldState ...
   * pass  eventType UPDATE
   * pass  objCode TASK
   * FAIL  filters AND: 1 of 2 filters is false
   *   pass  /filters/0  status eq "CPL"
   *         saw newState.status = "CPL"
   *   FAIL  /filters/1  status changed
   *         saw oldState: unknown
   *         why: old state unknown: ...
   * </pre>
   *
   * @return the lines, each ended by a newline
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    for (String line : lines(Style.PLAIN)) {
      b.append(line).append('\n');
    }
    return b.toString();
  }

  /**
   * The lines of {@link #toText()}, each marked by {@code style} from the nodes' results.
   *
   * @param style how to mark verdicts, results and labels
   * @return the lines, without line ends
   */
  public List<String> lines(Style style) {
    List<String> out = new ArrayList<>();
    out.add(style.verdict(matched, matched ? "match" : "no match: " + why()));
    for (GateCheck g : gate) {
      out.add(ExplanationWriter.mark(style, g.passed()) + g.check() + ' ' + (g.passed() ? g.expected() : g.message()));
    }
    ExplanationWriter.node(out, style, filters, "", true);
    return out;
  }

  /** {@link #toText()}. */
  @Override
  public String toString() {
    return toText();
  }

  /**
   * The explanation as JSON: {@code {"matched", "why", "gate": [...], "filters": {...}}}, each node
   * with {@code pointer}, {@code description}, {@code result}, and when false {@code reason} (a
   * {@link Reason#token()}) and {@code message}; conditions with {@code seen} ({@code state},
   * {@code path}, {@code presence}, {@code value}), groups with {@code connector} and {@code
   * children}.
   *
   * @return a new JSON object; never {@code null}
   */
  public JsonValue.Obj toJson() {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("matched", JsonValue.of(matched));
    m.put("why", matched ? JsonValue.NULL : JsonValue.of(why()));
    List<JsonValue> checks = new ArrayList<>();
    for (GateCheck g : gate) {
      Map<String, JsonValue> c = new LinkedHashMap<>();
      c.put("check", JsonValue.of(g.check()));
      c.put("expected", JsonValue.of(g.expected()));
      c.put("actual", g.actual() == null ? JsonValue.NULL : JsonValue.of(g.actual()));
      c.put("passed", JsonValue.of(g.passed()));
      if (!g.passed()) {
        c.put("reason", JsonValue.of(g.reason().token()));
        c.put("message", JsonValue.of(g.message()));
      }
      checks.add(new JsonValue.Obj(c));
    }
    m.put("gate", new JsonValue.Arr(checks));
    m.put("filters", ExplanationWriter.nodeJson(filters));
    return new JsonValue.Obj(m);
  }

  static String abbreviate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 3;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + "...";
  }
}
