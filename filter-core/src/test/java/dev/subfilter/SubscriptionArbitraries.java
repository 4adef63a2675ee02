package dev.subfilter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators shared by the property tests of filter-core and filter-jackson (which sees them
 * through filter-core's test-jar).
 *
 * <p>Subscriptions are built as {@link Filter} records (valid for {@link Mode#EXTENDED}: the
 * round-trip properties parse every one of them back). Events are {@link EventCase}s: states as
 * {@link JsonValue} objects over a SMALL shared vocabulary of field names ({@link #FIELDS}) and
 * values ({@link #scalar()}), so that generated filters hit generated events often. Generated
 * values cover every JSON type, absent vs null, arrays (of scalars and of objects), numbers as
 * ints, decimals and numeric strings ("1", "1.0", "01", " 1"), date-time strings in several offsets
 * ({@code Z}, {@code -0800}, {@code +05:30}, with and without fractions, invalid ones), booleans and
 * "true"/"false", {@code parameterValues} with {@code DE:} keys, and old states that are unknown,
 * known-empty, derived from the new state, or independent of it.
 */
public final class SubscriptionArbitraries {
  private SubscriptionArbitraries() {}

  /** The top-level field names that filters and states share. */
  public static final List<String> FIELDS = List.of(
      "name", "status", "n", "date", "tags", "obj", "items", "flag", "DE:Prio", "DE:Cost", "a b", "x.y");

  /** The field names filters use: {@link #FIELDS}, a DE: name only parameterValues holds, parameterValues itself, ID. */
  public static final List<String> FILTER_FIELDS = List.of(
      "name", "status", "n", "date", "tags", "obj", "items", "flag", "DE:Prio", "DE:Cost", "a b", "x.y",
      "DE:Other", "parameterValues", "ID");

  /** Custom-field names: the DE: ones of {@link #FIELDS} plus one that only parameterValues holds. */
  public static final List<String> DE_FIELDS = List.of("DE:Prio", "DE:Cost", "DE:Other");

  /** Keys of nested objects (in states and in nested fieldValues); includes the nested keywords. */
  public static final List<String> SUBKEYS = List.of("a", "b", "name", "ID", "fields", "objects");

  /** How deep generated groups nest (a top-level group is depth 1). */
  public static final int MAX_GROUP_DEPTH = 3;

  // ------------------------------------------------------------------ scalars

  static final List<String> NUMBER_TEXTS = List.of(
      "0", "1", "1.0", "1.00", "-1", "2", "1.5", "10", "100", "1E+2", "-0.5", "0.1", "1E-7",
      "12345678901234567890", "-0.0", "9223372036854775807", "9223372036854775808");

  static final List<String> NUMERIC_STRINGS = List.of(
      "1", "1.0", "01", "-1", "2", "1.5", "100", "1e2", "1E2", "1E+2", " 1", "1 ", "+1", "NaN", "Infinity",
      "0", "-0", "1.", ".5", "-", "12345678901234567890", "0x10", "1_000", "1e999999999", "1e-999999999", "1e2147483648", "-0.0e-0", "1E-2147483648");

  static final List<String> DATE_STRINGS = List.of(
      "2022-12-11T16:00:00.000-0800",
      "2022-12-11T16:00:00-08:00",
      "2022-12-12T00:00:00Z",
      "2022-12-12T00:00:00.000Z",
      "2022-12-12T05:30:00+05:30",
      "2022-12-12T05:30:00.0+0530",
      "2022-12-12T00:00:00.000000001Z",
      "2022-12-11T23:59:59.999999999Z",
      "2022-12-11T16:00:00",              // no offset: a plain string
      "2022-12-12T00:00:00z",             // lower-case z: a plain string
      "2022-02-30T00:00:00Z",             // no such day
      "2022-12-12T24:00:00Z",             // no such hour
      "2022-12-12T00:00:00+18:30",        // offset out of range
      "2022-12-12T00:00:00.1234567890Z",  // 10 fraction digits
      "2022-12-12T00:00:00.Z",            // empty fraction
      "2022-12-12 00:00:00Z",             // space instead of T
      "2022-12-12T00:00:60Z",             // no leap seconds
      "2022-12-12T00:00:00+05:60",        // offset minutes out of range
      "2022-12-12T00:00:00+05",           // offset without minutes
      "2022-12-12T00:00:00-00:00",
      "2024-02-29T12:00:00+0000",         // leap day
      "2023-02-29T12:00:00Z",             // no leap day
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999999-18:00",
      "+2022-12-12T00:00:00Z",
      "2022-12-12T00:00:00.000+05:30 ",   // trailing space
      "\u0662\u0660\u0662\u0662-12-12T00:00:00Z"); // Arabic-Indic digits

  static final List<String> PLAIN_STRINGS = List.of(
      "", "a", "A", "ab", "abc", "b", "bc", "Again", "again", "true", "false", "True", "null",
      "\u00e9", "e\u0301", "\uD83D\uDE00", "\uFFFF", "a b", "x:y", "DE:Prio");

  private static final Map<String, Arbitrary<?>> CACHE = new ConcurrentHashMap<>();

  /** Arbitraries are immutable: build each once (flat-mapped and recursive ones are costly to build). */
  @SuppressWarnings("unchecked")
  private static <T> Arbitrary<T> cached(String key, Supplier<Arbitrary<T>> make) {
    Arbitrary<?> a = CACHE.get(key);
    if (a == null) {
      a = make.get();
      CACHE.putIfAbsent(key, a);
    }
    return (Arbitrary<T>) a;
  }

  private static JsonValue num(String text) {
    return new JsonValue.Num(new BigDecimal(text));
  }

  private static JsonValue str(String s) {
    return new JsonValue.Str(s);
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // only read, handed on to jqwik
  private static <T> Arbitrary<T> freq(Tuple.Tuple2<Integer, Arbitrary<? extends T>>... choices) {
    return Arbitraries.frequencyOf(choices);
  }

  private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> w(int weight, Arbitrary<? extends T> a) {
    return Tuple.of(weight, a);
  }

  /** Any number: a literal from the small vocabulary, or a random decimal of modest size and scale. */
  public static Arbitrary<JsonValue> number() {
    Arbitrary<JsonValue> random = Combinators.combine(
            Arbitraries.longs().between(-100_000, 100_000), Arbitraries.integers().between(-3, 4))
        .as((unscaled, scale) -> (JsonValue) new JsonValue.Num(BigDecimal.valueOf(unscaled, scale)));
    return SubscriptionArbitraries.<JsonValue>freq(
        w(4, Arbitraries.of(NUMBER_TEXTS).map(SubscriptionArbitraries::num)),
        w(1, random));
  }

  /** A string holding (or almost holding) a number: JSON numbers and near-misses. */
  public static Arbitrary<JsonValue> numericString() {
    Arbitrary<JsonValue> random = Combinators.combine(
            Arbitraries.longs().between(-100_000, 100_000), Arbitraries.integers().between(-3, 4),
            Arbitraries.integers().between(0, 3))
        .as((unscaled, scale, form) -> {
          BigDecimal d = BigDecimal.valueOf(unscaled, scale);
          return str(switch (form) {
            case 0 -> d.toString();
            case 1 -> d.toPlainString();
            case 2 -> "0" + d.abs().toPlainString();
            default -> d.stripTrailingZeros().toPlainString();
          });
        });
    return SubscriptionArbitraries.<JsonValue>freq(
        w(4, Arbitraries.of(NUMERIC_STRINGS).map(SubscriptionArbitraries::str)),
        w(1, random));
  }

  /**
   * A date-time string: a literal, or an instant within a day of 2022-12-12T00:00Z written in a
   * random offset ({@code Z}, {@code ±hh:mm}, {@code ±hhmm}, none) with 0 to 9 fraction digits, so
   * that equal instants are written differently and ordering across offsets matters.
   */
  public static Arbitrary<JsonValue> dateTime() {
    Arbitrary<Instant> instant = Combinators.combine(
            Arbitraries.integers().between(-48, 48), Arbitraries.of(0, 1, 500_000_000, 999_999_999))
        .as((halfHours, nano) -> Instant.parse("2022-12-12T00:00:00Z").plusSeconds(halfHours * 1800L).plusNanos(nano));
    Arbitrary<Integer> offsetMinutes = Arbitraries.of(0, 0, -480, -300, 60, 330, 345, 840, -720);
    Arbitrary<Integer> offsetStyle = Arbitraries.of(0, 1, 2, 3); // Z-or-colon, colon, no colon, none
    Arbitrary<Integer> fraction = Arbitraries.of(0, 0, 1, 3, 3, 6, 9);
    Arbitrary<JsonValue> random = Combinators.combine(instant, offsetMinutes, offsetStyle, fraction)
        .as((i, off, style, digits) -> str(writeDateTime(i, off, style, digits)));
    return SubscriptionArbitraries.<JsonValue>freq(
        w(2, Arbitraries.of(DATE_STRINGS).map(SubscriptionArbitraries::str)),
        w(3, random));
  }

  static String writeDateTime(Instant instant, int offsetMinutes, int style, int fractionDigits) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
        local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond()));
    int nano = local.getNano();
    if (fractionDigits > 0 || nano != 0) {
      String nine = String.format("%09d", nano);
      int digits = Math.max(fractionDigits, nano == 0 ? 0 : 9 - trailingZeros(nine));
      b.append('.').append(nine, 0, Math.max(1, digits));
    }
    int abs = Math.abs(offsetMinutes);
    String sign = offsetMinutes < 0 ? "-" : "+";
    switch (style) {
      case 0 -> b.append(offsetMinutes == 0 ? "Z" : String.format("%s%02d:%02d", sign, abs / 60, abs % 60));
      case 1 -> b.append(String.format("%s%02d:%02d", sign, abs / 60, abs % 60));
      case 2 -> b.append(String.format("%s%02d%02d", sign, abs / 60, abs % 60));
      default -> { } // no offset: not a date-time by the contract
    }
    return b.toString();
  }

  private static int trailingZeros(String digits) {
    int n = 0;
    for (int i = digits.length() - 1; i >= 0 && digits.charAt(i) == '0'; i--) {
      n++;
    }
    return n;
  }

  /** A plain string: a literal of the vocabulary or a short random one. */
  public static Arbitrary<JsonValue> plainString() {
    return SubscriptionArbitraries.<JsonValue>freq(
        w(5, Arbitraries.of(PLAIN_STRINGS).map(SubscriptionArbitraries::str)),
        w(1, Arbitraries.strings().withChars("abAB :.\u00e9").ofMaxLength(4).map(SubscriptionArbitraries::str)));
  }

  /** A boolean. */
  public static Arbitrary<JsonValue> bool() {
    return Arbitraries.of(true, false).map(JsonValue::of);
  }

  /** Any scalar: numbers, numeric strings, date-times, plain strings, booleans, null. */
  public static Arbitrary<JsonValue> scalar() {
    return cached("scalar", () -> SubscriptionArbitraries.<JsonValue>freq(
        w(5, number()),
        w(4, numericString()),
        w(4, dateTime()),
        w(5, plainString()),
        w(2, bool()),
        w(1, Arbitraries.just(JsonValue.NULL))));
  }

  /** An array of 0 to 3 scalars. */
  public static Arbitrary<JsonValue> scalarArray() {
    return scalar().list().ofMaxSize(3).map(l -> (JsonValue) new JsonValue.Arr(l));
  }

  /** Any JSON value nested at most {@code depth} containers deep. */
  public static Arbitrary<JsonValue> value(int depth) {
    return cached("value" + depth, () -> {
      if (depth <= 0) {
        return scalar();
      }
      return SubscriptionArbitraries.<JsonValue>freq(
          w(8, scalar()),
          w(2, scalarArray()),
          w(1, value(depth - 1).list().ofMaxSize(3).map(l -> (JsonValue) new JsonValue.Arr(l))),
          w(2, object(depth - 1)),
          w(1, object(depth - 1).list().ofMinSize(1).ofMaxSize(3).map(l -> (JsonValue) new JsonValue.Arr(l))));
    });
  }

  /** An object of 0 to 3 {@link #SUBKEYS} whose values nest at most {@code depth} deep. */
  public static Arbitrary<JsonValue> object(int depth) {
    return cached("object" + depth, () -> Arbitraries.maps(Arbitraries.of(SUBKEYS), value(depth)).ofMaxSize(3)
        .map(m -> (JsonValue) new JsonValue.Obj(m)));
  }

  /** A value biased towards what the named field usually holds, so that its filters hit. */
  public static Arbitrary<JsonValue> typicalValue(String field) {
    return cached("typical " + field, () -> {
      Arbitrary<JsonValue> typical = switch (field) {
        case "tags" -> scalarArray();
        case "obj" -> object(1);
        case "items" -> object(1).list().ofMinSize(1).ofMaxSize(3).map(l -> (JsonValue) new JsonValue.Arr(l));
        case "date" -> dateTime();
        case "n", "DE:Cost" -> SubscriptionArbitraries.<JsonValue>freq(w(1, number()), w(1, numericString()));
        case "flag" -> SubscriptionArbitraries.<JsonValue>freq(w(2, bool()), w(1, Arbitraries.of("true", "false").map(SubscriptionArbitraries::str)));
        default -> scalar();
      };
      return SubscriptionArbitraries.<JsonValue>freq(w(3, typical), w(2, value(2)));
    });
  }

  // ------------------------------------------------------------------ fieldValues and filters

  /** A leaf of a nested fieldValue: a scalar or an array of scalars. */
  static Arbitrary<JsonValue> leaf() {
    return SubscriptionArbitraries.<JsonValue>freq(w(5, scalar()), w(1, scalarArray()));
  }

  /**
   * A nested fieldValue: {@code {"fields": {...}}}, {@code {"objects": {...}}} or a bare object of
   * 1-2 keys, whose leaves are scalars, arrays, or (while {@code depth > 1}) nested fieldValues
   * again (the seed's doubly nested form).
   */
  public static Arbitrary<JsonValue> nested(int depth) {
    return nestedOf("any", leaf(), depth);
  }

  /** {@link #nested} with leaves drawn from {@code leaf} (what one operator reads), cached under {@code name}. */
  static Arbitrary<JsonValue> nestedOf(String name, Arbitrary<JsonValue> leafValues, int depth) {
    return cached("nested " + name + depth, () -> {
      Arbitrary<JsonValue> leaf = depth <= 1
          ? leafValues
          : SubscriptionArbitraries.<JsonValue>freq(w(3, leafValues), w(1, Arbitraries.lazy(() -> nestedOf(name, leafValues, depth - 1))));
      Arbitrary<Map<String, JsonValue>> members = Arbitraries.maps(Arbitraries.of(SUBKEYS), leaf).ofMinSize(1).ofMaxSize(2);
      Arbitrary<JsonValue> fields = members.map(m -> (JsonValue) new JsonValue.Obj(Map.of("fields", new JsonValue.Obj(m))));
      Arbitrary<JsonValue> objects = members.map(m -> (JsonValue) new JsonValue.Obj(Map.of("objects", new JsonValue.Obj(m))));
      Arbitrary<JsonValue> bare = members.map(m -> {
        if (m.size() == 1 && (m.containsKey("fields") || m.containsKey("objects"))) {
          return new JsonValue.Obj(Map.of("a", m.values().iterator().next())); // one keyword key would be the keyword form
        }
        return new JsonValue.Obj(m);
      });
      return SubscriptionArbitraries.<JsonValue>freq(w(1, fields), w(1, objects), w(1, bare));
    });
  }

  // ------------------------------------------------------------------ the extended operators' fieldValues

  /** Patterns written out, escapes and edge cases included. */
  static final List<String> LIKE_PATTERNS = List.of(
      "", "*", "**", "a*", "*a", "a*b", "*b*", "A*", "a*c", "ab*bc", "*b*c*", "\\*", "a\\*", "\\\\", "*\\\\*",
      "\u00e9*", "*\uD83D\uDE00", "x:y", "a b*", "*gain", "Ag*n", "tr*e", "1*", "2022-12-1*", "*Z", "DE:*",
      "*ga*", "*Ag*", "*1*", "*:*", "*\u00e9*", "A*gai*n", "*a b*", "*true*", "x*:y*z"); // the last ones: an inner run is the longest

  /** A non-empty string, what startsWith and endsWith look for. */
  public static Arbitrary<JsonValue> affix() {
    return cached("affix", () -> SubscriptionArbitraries.<JsonValue>freq(
        w(5, plainString().filter(v -> !((JsonValue.Str) v).value().isEmpty())),
        w(1, numericString().filter(v -> !((JsonValue.Str) v).value().isEmpty())),
        w(1, dateTime())));
  }

  /** A like pattern: one written out, or a string of the vocabulary with its stars and backslashes escaped and stars put in. */
  public static Arbitrary<JsonValue> likePattern() {
    return cached("likePattern", () -> {
      Arbitrary<JsonValue> derived = Combinators.combine(
              SubscriptionArbitraries.<JsonValue>freq(w(4, plainString()), w(1, numericString()), w(1, dateTime())),
              Arbitraries.integers().between(0, 255))
          .as((v, bits) -> str(starred(((JsonValue.Str) v).value(), bits)));
      return SubscriptionArbitraries.<JsonValue>freq(w(2, Arbitraries.of(LIKE_PATTERNS).map(SubscriptionArbitraries::str)), w(3, derived));
    });
  }

  /** {@code s} as a like pattern: its {@code *} and backslashes escaped; a star replacing or put before chars chosen by {@code bits}. */
  static String starred(String s, int bits) {
    StringBuilder b = new StringBuilder();
    int bit = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int choice = (bits >>> (bit++ % 8)) & 3;
      if (choice == 1) {
        b.append('*'); // any run before this char
      }
      if (choice == 2 && bit % 3 == 0) {
        b.append('*'); // this char replaced by any run
      } else if (cp == '*' || cp == '\\') {
        b.append('\\').appendCodePoint(cp);
      } else {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if ((bits & 0x80) != 0) {
      b.append('*');
    }
    return b.toString();
  }

  /** An in list: mostly 1-4 scalars, sometimes 9-14 (past the engine's linear lookup). */
  public static Arbitrary<JsonValue> inList() {
    return cached("inList", () -> SubscriptionArbitraries.<List<JsonValue>>freq(
            w(5, scalar().list().ofMinSize(1).ofMaxSize(4)),
            w(1, scalar().list().ofMinSize(9).ofMaxSize(14)))
        .map(l -> (JsonValue) new JsonValue.Arr(l)));
  }

  /** The fieldValues of the extended operators, one of each kind (nested forms included): startsWith/endsWith, like, in/notIn. */
  static Arbitrary<List<JsonValue>> extendedValues() {
    return cached("extendedValues", () -> Combinators.combine(
            SubscriptionArbitraries.<JsonValue>freq(w(5, affix()), w(2, nestedOf("affix", affix(), 2))),
            SubscriptionArbitraries.<JsonValue>freq(w(5, likePattern()), w(2, nestedOf("like", likePattern(), 2))),
            SubscriptionArbitraries.<JsonValue>freq(w(5, inList()), w(2, nestedOf("in", inList(), 2))))
        .as(List::of));
  }

  /** The fieldValue {@code op} reads: of {@code extended} for the extended string and list operators, else {@code value}. */
  static JsonValue valueFor(Operator op, JsonValue value, List<JsonValue> extended) {
    return switch (op) {
      case STARTS_WITH, ENDS_WITH -> extended.get(0);
      case LIKE -> extended.get(1);
      case IN, NOT_IN -> extended.get(2);
      default -> value;
    };
  }

  /** ignoreCase: true three times in ten (only kept where the operator allows it). */
  public static Arbitrary<Boolean> ignoreCase() {
    return Arbitraries.frequency(Tuple.of(3, true), Tuple.of(7, false));
  }

  /** A fieldValue for a comparison that reads one: scalar, array, or nested object. */
  public static Arbitrary<JsonValue> fieldValue(String field) {
    return cached("fieldValue " + field, () -> SubscriptionArbitraries.<JsonValue>freq(
        w(3, typicalValue(field).filter(v -> !(v instanceof JsonValue.Obj))),
        w(5, scalar()),
        w(2, scalarArray()),
        w(1, value(2).list().ofMaxSize(2).map(l -> (JsonValue) new JsonValue.Arr(l))), // arrays may hold objects (compared by eq)
        w(3, nested(2))));
  }

  /** A fieldValue that is not an object (no nested form): what single-field identities hold for. */
  public static Arbitrary<JsonValue> flatFieldValue(String field) {
    return fieldValue(field).filter(v -> !(v instanceof JsonValue.Obj));
  }

  /** The state a filter reads: mostly newState. */
  public static Arbitrary<State> state() {
    return Arbitraries.frequency(Tuple.of(7, State.NEW_STATE), Tuple.of(3, State.OLD_STATE));
  }

  /** A fieldValue biased towards what some field typically holds, or a generic one (see {@link #fieldValue}). */
  public static Arbitrary<JsonValue> anyFieldValue() {
    return cached("anyFieldValue", () -> Arbitraries.oneOf(FIELDS.stream().map(SubscriptionArbitraries::fieldValue).toList()));
  }

  /** What changed/exists/notExists carry as fieldValue: mostly nothing; any value is ignored. */
  static Arbitrary<JsonValue> ignoredFieldValue() {
    return cached("ignoredFieldValue", () -> SubscriptionArbitraries.<JsonValue>freq(
        w(6, Arbitraries.just(null)), w(1, value(1)), w(1, Arbitraries.just(new JsonValue.Obj(Map.of())))));
  }

  /**
   * A condition with any of the 17 operators, each with a fieldValue it reads (changed, exists and
   * notExists mostly without one: any value is ignored), and ignoreCase three times in ten where
   * the operator allows it.
   */
  public static Arbitrary<Filter.Condition> condition() {
    return cached("condition", () -> Combinators.combine(Arbitraries.of(FILTER_FIELDS), Arbitraries.of(Operator.class), state(),
            anyFieldValue(), extendedValues(), ignoredFieldValue(), ignoreCase())
        .as((field, op, state, value, extended, ignored, ic) -> Filter.Condition.of(field, op,
            op.usesValue() ? valueFor(op, value, extended) : ignored, state, ic && op.allowsIgnoreCase())));
  }

  /** A condition whose comparison is {@code op}, case-sensitive. */
  public static Arbitrary<Filter.Condition> condition(Operator op, Arbitrary<JsonValue> fieldValue) {
    return Combinators.combine(Arbitraries.of(FILTER_FIELDS), fieldValue, state())
        .as((field, value, state) -> Filter.Condition.of(field, op, op.usesValue() ? value : null, state));
  }

  /** A condition whose comparison is {@code op}, with the fieldValues {@link #condition()} gives it, ignoreCase as generated. */
  public static Arbitrary<Filter.Condition> condition(Operator op) {
    return Combinators.combine(Arbitraries.of(FILTER_FIELDS), state(), anyFieldValue(), extendedValues(), ignoreCase())
        .as((field, state, value, extended, ic) -> Filter.Condition.of(field, op, valueFor(op, value, extended), state,
            ic && op.allowsIgnoreCase()));
  }

  /** A group of 2-4 children drawn from {@code child}. */
  public static Arbitrary<Filter.Group> group(Arbitrary<Filter> child) {
    return Combinators.combine(Arbitraries.of(Connector.class), child.list().ofMinSize(2).ofMaxSize(4))
        .as(Filter.Group::new);
  }

  /** A filter: a condition, or a group nested at most {@code maxDepth} deep (recursive, bounded). */
  public static Arbitrary<Filter> filter(int maxDepth) {
    return cached("filter" + maxDepth, () -> {
      Arbitrary<Filter> conditions = condition().map(c -> (Filter) c);
      return Arbitraries.recursive(
          () -> conditions,
          inner -> SubscriptionArbitraries.<Filter>freq(w(3, conditions), w(2, group(inner))),
          0, maxDepth);
    });
  }

  /** A group whose nesting is at most {@code maxDepth} (itself included). */
  public static Arbitrary<Filter.Group> group(int maxDepth) {
    return group(maxDepth <= 1 ? condition().map(c -> (Filter) c) : filter(maxDepth - 1));
  }

  /** Carried keys (url, version, ...) with values of each key's type (the parser checks them); mostly none. */
  public static Arbitrary<Map<String, JsonValue>> carried() {
    List<String> keys = new ArrayList<>(Subscription.CARRIED_KEYS);
    Collections.sort(keys);
    Arbitrary<Map<String, JsonValue>> some = Arbitraries.of(keys).set().ofMinSize(1).ofMaxSize(3).flatMap(ks -> {
      List<String> ordered = new ArrayList<>(ks);
      List<Arbitrary<JsonValue>> values = new ArrayList<>();
      ordered.forEach(k -> values.add(carriedValue(k)));
      return Combinators.combine(values).as(vs -> {
        Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
          m.put(ordered.get(i), vs.get(i));
        }
        return m;
      });
    });
    return SubscriptionArbitraries.<Map<String, JsonValue>>freq(w(4, Arbitraries.just(Map.of())), w(1, some));
  }

  /** A value the parser accepts for carried key {@code k} (README "carried key types"), null included. */
  private static Arbitrary<JsonValue> carriedValue(String k) {
    Arbitrary<Object> v = switch (k) {
      case "url" -> Arbitraries.of("https://example.com/hook", "http://h.example:8080/a?b=1");
      case "subscription_url" -> Arbitraries.of(Map.of("url", "http://requestb.in/x", "successes", 11), "https://example.com/s/1");
      case "base64Encoding" -> Arbitraries.of(true, false, "true", "false", " ");
      case "id", "version", "subscriptionVersion" -> Arbitraries.of("s1", 7, "2");
      default -> Arbitraries.of("token", "2024-04-11T15:56:14.169489", "");
    };
    return SubscriptionArbitraries.<JsonValue>freq(w(9, v.map(JsonValue::fromJava)), w(1, Arbitraries.just(JsonValue.NULL)));
  }

  /** The eventType of a subscription. */
  public static Arbitrary<String> eventType() {
    return Arbitraries.frequency(Tuple.of(6, "UPDATE"), Tuple.of(2, "CREATE"), Tuple.of(1, "DELETE"));
  }

  /** A subscription valid in {@link Mode#EXTENDED}: 0-4 top-level filters, groups nested up to {@link #MAX_GROUP_DEPTH}. */
  public static Arbitrary<Subscription> subscription() {
    return Combinators.combine(
            Arbitraries.frequency(Tuple.of(9, "TASK"), Tuple.of(1, "PROJ")),
            eventType(),
            Arbitraries.frequency(Tuple.of(8, Optional.<String>empty()), Tuple.of(1, Optional.of("t1")), Tuple.of(1, Optional.of("5231"))),
            Arbitraries.of(Connector.class),
            filter(MAX_GROUP_DEPTH).list().ofMaxSize(4),
            carried())
        .as((code, type, id, connector, filters, carried) -> new Subscription(code, type, id.orElse(null), connector, filters, carried));
  }

  // ------------------------------------------------------------------ events

  /**
   * An event as the properties need it: the Workfront payload's parts as {@link JsonValue}s (for
   * the reference interpreter) and an {@link Event} over {@link JsonModel#JAVA} built from them.
   *
   * @param oldState {@code null} when unknown
   * @param nativeNumbers whether {@link #event()} hands integral numbers to the model as Long
   *     (and short decimals as Double) instead of BigDecimal, exercising the model's fast paths
   */
  public record EventCase(String eventType, JsonValue.Obj newState, JsonValue.Obj oldState, boolean nativeNumbers) {

    /** The reference interpreter's view. */
    public ReferenceInterpreter.RefEvent ref() {
      return ReferenceInterpreter.RefEvent.workfront(eventType, newState, oldState);
    }

    /** The engine's view: {@code Event.builder(JsonModel.JAVA)} over the states' plain Java data. */
    public Event event() {
      ReferenceInterpreter.RefEvent r = ref();
      return Event.builder(JsonModel.JAVA)
          .eventType(eventType)
          .objCode(r.objCode())
          .objId(r.objId())
          .newState(toJava(newState, nativeNumbers))
          .oldState(oldState == null ? null : toJava(oldState, nativeNumbers))
          .build();
    }

    public boolean oldStateKnown() {
      return oldState != null;
    }

    /** The state a filter on {@code s} reads, or {@code null} when it is the unknown old state. */
    public JsonValue.Obj state(State s) {
      return s == State.NEW_STATE ? newState : oldState;
    }

    /** This event with {@code s} replaced (ignored when {@code s} is the unknown old state). */
    public EventCase withState(State s, JsonValue.Obj state) {
      if (s == State.NEW_STATE) {
        return new EventCase(eventType, state, oldState, nativeNumbers);
      }
      return oldState == null ? this : new EventCase(eventType, newState, state, nativeNumbers);
    }

    /** This event with the gate a {@code TASK}/{@code UPDATE} subscription without objId passes. */
    public EventCase gated() {
      return gatedFor("TASK", "UPDATE", null);
    }

    /** This event made to pass the gate of a subscription with these values. */
    public EventCase gatedFor(String objCode, String type, String objId) {
      JsonValue.Obj n = with(newState, "objCode", str(objCode));
      if (objId != null) {
        n = with(n, "ID", objId.equals("5231") && (newState.hashCode() & 1) == 0 ? JsonValue.of(5231) : str(objId));
      }
      return new EventCase(type, n, oldState, nativeNumbers);
    }

    /** The Workfront payload (states inline, an unknown old state as an absent key). */
    public JsonValue.Obj payload() {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("eventType", str(eventType));
      m.put("newState", newState);
      if (oldState != null) {
        m.put("oldState", oldState);
      }
      return new JsonValue.Obj(m);
    }

    @Override
    public String toString() {
      return "EventCase" + (nativeNumbers ? "[native numbers]" : "") + " " + payload()
          + (oldState == null ? " (old state unknown)" : "");
    }
  }

  /** {@code state.toJava()}, or with integral numbers as Long / short decimals as Double when {@code nativeNumbers}. */
  public static Object toJava(JsonValue v, boolean nativeNumbers) {
    if (!nativeNumbers) {
      return v.toJava();
    }
    if (v instanceof JsonValue.Num n) {
      BigDecimal d = n.value();
      try {
        long l = d.longValueExact();
        return (l & 1) == 0 && l == (int) l ? (Object) Integer.valueOf((int) l) : (Object) Long.valueOf(l);
      } catch (ArithmeticException e) {
        // not a long: maybe a double
      }
      if (d.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0 && d.precision() <= 15) {
        double dbl = d.doubleValue();
        if (BigDecimal.valueOf(dbl).compareTo(d) == 0) {
          return dbl;
        }
      }
      return d.scale() <= 0 && d.precision() > 18 ? (Object) d.toBigIntegerExact() : (Object) d;
    }
    if (v instanceof JsonValue.Arr a) {
      List<Object> out = new ArrayList<>();
      a.elements().forEach(e -> out.add(toJava(e, true)));
      return out;
    }
    if (v instanceof JsonValue.Obj o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.members().forEach((k, e) -> out.put(k, toJava(e, true)));
      return out;
    }
    return v.toJava();
  }

  /** {@code o} with {@code key} set to {@code v} ({@code null}: removed). */
  public static JsonValue.Obj with(JsonValue.Obj o, String key, JsonValue v) {
    Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
    if (v == null) {
      m.remove(key);
    } else {
      m.put(key, v);
    }
    return new JsonValue.Obj(m);
  }

  /** A field entry of a state: absent (empty), JSON null, or a typical value. */
  static Arbitrary<Optional<JsonValue>> fieldEntry(String field) {
    return cached("entry " + field, () -> SubscriptionArbitraries.<Optional<JsonValue>>freq(
        w(7, Arbitraries.just(Optional.empty())),
        w(2, Arbitraries.just(Optional.of(JsonValue.NULL))),
        w(11, typicalValue(field).map(Optional::of))));
  }

  /** parameterValues: absent, an object of DE: keys (with absent, null and typical values), or a non-object. */
  static Arbitrary<Optional<JsonValue>> parameterValues() {
    return cached("parameterValues", () -> {
      List<Arbitrary<Optional<JsonValue>>> entries = new ArrayList<>();
      for (String f : DE_FIELDS) {
        entries.add(fieldEntry(f));
      }
      Arbitrary<Optional<JsonValue>> objectOfKeys = Combinators.combine(entries).as(values -> {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < DE_FIELDS.size(); i++) {
          int index = i;
          values.get(i).ifPresent(v -> m.put(DE_FIELDS.get(index), v));
        }
        return Optional.<JsonValue>of(new JsonValue.Obj(m));
      });
      return SubscriptionArbitraries.<Optional<JsonValue>>freq(
          w(4, Arbitraries.just(Optional.empty())),
          w(5, objectOfKeys),
          w(1, scalar().map(Optional::of)));
    });
  }

  /** A new state: objCode (mostly TASK), maybe an ID, some of {@link #FIELDS}, maybe parameterValues. */
  public static Arbitrary<JsonValue.Obj> newState() {
    return cached("newState", () -> {
      List<Arbitrary<Optional<JsonValue>>> entries = new ArrayList<>();
      for (String f : FIELDS) {
        entries.add(fieldEntry(f));
      }
      Arbitrary<List<Optional<JsonValue>>> fields = Combinators.combine(entries).as(l -> l);
      Arbitrary<JsonValue> code = Arbitraries.frequency(Tuple.of(9, str("TASK")), Tuple.of(1, str("PROJ")));
      Arbitrary<Optional<JsonValue>> id = Arbitraries.of(
          Optional.empty(), Optional.of(str("t1")), Optional.of(str("5231")), Optional.of(JsonValue.of(5231)), Optional.of(num("5231.0")));
      return Combinators.combine(code, id, fields, parameterValues()).as((c, i, fs, pv) -> {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("objCode", c);
        i.ifPresent(v -> m.put("ID", v));
        for (int k = 0; k < FIELDS.size(); k++) {
          int index = k;
          fs.get(k).ifPresent(v -> m.put(FIELDS.get(index), v));
        }
        pv.ifPresent(v -> m.put("parameterValues", v));
        return new JsonValue.Obj(m);
      });
    });
  }

  /** What {@link #mutate} does to one member. */
  public enum Action { KEEP, DROP, NULL, REPLACE, VARIANT }

  /** One member's mutation: the action, a replacement value, a variant index. */
  public record Mutation(Action action, JsonValue replacement, int k) {}

  /** The keys a mutation plan covers: the fields and parameterValues (objCode and ID are kept). */
  static final List<String> MUTABLE_KEYS;

  static {
    List<String> keys = new ArrayList<>(FIELDS);
    keys.add("parameterValues");
    MUTABLE_KEYS = List.copyOf(keys);
  }

  /** A mutation of each of {@link #MUTABLE_KEYS}, applied with {@link #mutate(JsonValue.Obj, List)}. */
  public static Arbitrary<List<Mutation>> mutationPlan() {
    return cached("mutationPlan", () -> {
      Arbitrary<Action> actions = Arbitraries.frequency(
          Tuple.of(12, Action.KEEP), Tuple.of(2, Action.DROP), Tuple.of(1, Action.NULL), Tuple.of(3, Action.REPLACE), Tuple.of(3, Action.VARIANT));
      List<Arbitrary<Mutation>> members = new ArrayList<>();
      for (String key : MUTABLE_KEYS) {
        Arbitrary<JsonValue> replacement = key.equals("parameterValues")
            ? parameterValues().map(o -> o.orElse(new JsonValue.Obj(Map.of())))
            : typicalValue(key);
        members.add(Combinators.combine(actions, replacement, Arbitraries.integers().between(0, 11)).as(Mutation::new));
      }
      return Combinators.combine(members).as(l -> List.copyOf(l));
    });
  }

  /** {@code o} with each member kept, dropped, nulled, replaced or re-written (absent ones maybe added) by {@code plan}. */
  public static JsonValue.Obj mutate(JsonValue.Obj o, List<Mutation> plan) {
    Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
    for (int i = 0; i < MUTABLE_KEYS.size(); i++) {
      String key = MUTABLE_KEYS.get(i);
      Mutation mu = plan.get(i);
      JsonValue v = o.get(key);
      if (v == null) {
        if (mu.action() == Action.REPLACE) {
          m.put(key, mu.replacement());
        }
        continue;
      }
      switch (mu.action()) {
        case KEEP -> { }
        case DROP -> m.remove(key);
        case NULL -> m.put(key, JsonValue.NULL);
        case REPLACE -> m.put(key, mu.replacement());
        case VARIANT -> m.put(key, variant(v, mu.k()));
      }
    }
    return new JsonValue.Obj(m);
  }

  /** How an event's old state relates to its new state. */
  enum OldKind { UNKNOWN, EMPTY, MUTATED, INDEPENDENT }

  /** Any event: eventType (mostly UPDATE; CREATE and DELETE too: a Workfront payload has no other), states, number representation. */
  public static Arbitrary<EventCase> event() {
    return cached("event", () -> {
      Arbitrary<String> type = Arbitraries.frequency(Tuple.of(6, "UPDATE"), Tuple.of(2, "CREATE"), Tuple.of(1, "DELETE"));
      Arbitrary<OldKind> oldKind = Arbitraries.frequency(
          Tuple.of(2, OldKind.UNKNOWN), Tuple.of(1, OldKind.EMPTY), Tuple.of(5, OldKind.MUTATED), Tuple.of(2, OldKind.INDEPENDENT));
      return Combinators.combine(type, newState(), oldKind, mutationPlan(), newState(), Arbitraries.of(false, true))
          .as((t, n, kind, plan, other, nativeNumbers) -> {
            JsonValue.Obj old = switch (kind) {
              case UNKNOWN -> null;
              case EMPTY -> new JsonValue.Obj(Map.of());
              case MUTATED -> mutate(n, plan);
              case INDEPENDENT -> other;
            };
            return new EventCase(t, n, old, nativeNumbers);
          });
    });
  }

  // ------------------------------------------------------------------ planting values that hit

  /** How a condition's fieldValue is planted into an event so that comparisons hit. */
  public enum Plant {
    /** The event as generated. */
    NONE,
    /** The fieldValue itself (or, nested, an object/array shaped like it). */
    EXACT,
    /** Another representation or a near miss: 1 -> "1", "1" -> 1, true -> "true", "abc" -> "xabc", arrays reordered... */
    VARIANT,
    /** Something containing it: an array holding it, a string around its text, an array with an extra element. */
    CONTAINER
  }

  /** A condition and an event, the event possibly planted with the condition's fieldValue. */
  public record ConditionCase(Filter.Condition condition, EventCase event, Plant plant) {
    @Override
    public String toString() {
      return "ConditionCase[" + ((JsonValue.Obj) Subscription.of("TASK", "UPDATE", condition).toJson()).get("filters")
          + ", plant " + plant + ", " + event + "]";
    }
  }

  /** A condition, an event passing a TASK/UPDATE gate, and a planting of the one into the other. */
  public static Arbitrary<ConditionCase> conditionCase(Arbitrary<Filter.Condition> conditions) {
    return Combinators.combine(conditions, event(), plants(), Arbitraries.integers().between(0, 11))
        .as((c, e, plant, k) -> new ConditionCase(c, plantInto(e.gated(), c, plant, k), plant));
  }

  /** {@link #conditionCase(Arbitrary)} over every operator. */
  public static Arbitrary<ConditionCase> conditionCase() {
    return conditionCase(condition());
  }

  /** A plant mode: mostly none, else exact, variant or container. */
  public static Arbitrary<Plant> plants() {
    return Arbitraries.frequency(
        Tuple.of(4, Plant.NONE), Tuple.of(3, Plant.EXACT), Tuple.of(2, Plant.VARIANT), Tuple.of(2, Plant.CONTAINER));
  }

  /** {@code e} with every condition of {@code filters} planted in turn (later ones win on a shared field). */
  public static EventCase plantAll(EventCase e, List<Filter> filters, List<Plant> plants, int k) {
    List<Filter.Condition> cs = conditions(filters);
    for (int i = 0; i < cs.size(); i++) {
      e = plantInto(e, cs.get(i), plants.isEmpty() ? Plant.NONE : plants.get(i % plants.size()), k + i);
    }
    return e;
  }

  /** A subscription and an event: mostly passing the gate, its conditions planted into it. */
  public record SubscriptionCase(Subscription subscription, EventCase event) {
    @Override
    public String toString() {
      return "SubscriptionCase[" + subscription.toJson() + ", " + event + "]";
    }
  }

  /** {@link SubscriptionCase}s: 80% pass the gate; the conditions are planted with random plant modes. */
  public static Arbitrary<SubscriptionCase> subscriptionCase() {
    return Combinators.combine(subscription(), event(), Arbitraries.integers().between(0, 9), plants().list().ofMaxSize(6))
        .as((s, e, k, plants) -> {
          EventCase ev = k < 8 ? e.gatedFor(s.objCode(), s.eventType(), s.objId()) : e;
          return new SubscriptionCase(s, plantAll(ev, s.filters(), plants, k));
        });
  }

  /** A condition with {@code op} on a field, with a flat (non-object) fieldValue. */
  public static Arbitrary<Filter.Condition> flatCondition(Operator op) {
    return Combinators.combine(Arbitraries.of(FILTER_FIELDS), state(), anyFieldValue().filter(v -> !(v instanceof JsonValue.Obj)))
        .as((field, state, value) -> Filter.Condition.of(field, op, value, state));
  }

  /** {@code e} with the field {@code c} reads set so that {@code c} is likely to hold (or nearly so). */
  public static EventCase plantInto(EventCase e, Filter.Condition c, Plant plant, int k) {
    if (plant == Plant.NONE) {
      return e;
    }
    String field = c.fieldName();
    switch (c.comparison()) {
      case CHANGED: {
        if (!e.oldStateKnown()) {
          return e;
        }
        JsonValue now = ReferenceInterpreter.lookup(e.newState(), field);
        JsonValue before = switch (plant) {
          case EXACT -> now;                                         // unchanged (or absent on both sides)
          case VARIANT -> now == null ? JsonValue.NULL : variant(now, k); // changed, or re-written equal (1 -> 1.0)
          default -> now == null ? null : (k % 2 == 0 ? null : now);
        };
        return e.withState(State.OLD_STATE, put(e.oldState(), field, before, k));
      }
      case EXISTS:
      case NOT_EXISTS: {
        JsonValue.Obj s = e.state(c.state());
        if (s == null) {
          return e;
        }
        return e.withState(c.state(), put(remove(s, field), field, plant == Plant.EXACT ? JsonValue.NULL : plant == Plant.VARIANT ? null : str("x"), k));
      }
      default: {
        JsonValue.Obj s = e.state(c.state());
        if (s == null) {
          return e;
        }
        return e.withState(c.state(), put(remove(s, field), field, plant(c.comparison(), c.fieldValue().toJson(), plant, k), k));
      }
    }
  }

  /** {@code s} without {@code field}, at the top level and in parameterValues. */
  private static JsonValue.Obj remove(JsonValue.Obj s, String field) {
    JsonValue.Obj out = with(s, field, null);
    if (field.startsWith("DE:") && out.get("parameterValues") instanceof JsonValue.Obj pv) {
      out = with(out, "parameterValues", with(pv, field, null));
    }
    return out;
  }

  /** {@code s} with {@code field} = {@code v}; a DE: field goes into parameterValues when {@code k} is odd. */
  private static JsonValue.Obj put(JsonValue.Obj s, String field, JsonValue v, int k) {
    if (v == null) {
      return remove(s, field);
    }
    if (field.startsWith("DE:") && k % 2 == 1 && s.get(field) == null) {
      JsonValue.Obj pv = s.get("parameterValues") instanceof JsonValue.Obj o ? o : new JsonValue.Obj(Map.of());
      return with(s, "parameterValues", with(pv, field, v));
    }
    return with(s, field, v);
  }

  /** A value a condition with this fieldValue reads: see {@link Plant}. */
  public static JsonValue plant(JsonValue fieldValue, Plant plant, int k) {
    return plant(Operator.EQ, fieldValue, plant, k);
  }

  /** A value a condition of {@code op} with this fieldValue reads: see {@link Plant}; for the extended operators, one they look for. */
  public static JsonValue plant(Operator op, JsonValue fieldValue, Plant plant, int k) {
    if (fieldValue instanceof JsonValue.Obj o && !o.members().isEmpty()) {
      boolean objects = o.members().size() == 1 && o.get("objects") instanceof JsonValue.Obj;
      boolean fields = o.members().size() == 1 && o.get("fields") instanceof JsonValue.Obj;
      JsonValue.Obj keys = objects || fields ? (JsonValue.Obj) o.members().values().iterator().next() : o;
      Map<String, JsonValue> m = new LinkedHashMap<>();
      keys.members().forEach((key, leaf) -> m.put(key, plant(op, leaf, plant == Plant.NONE ? Plant.EXACT : plant, k)));
      if (k % 3 == 0) {
        m.put("extra", JsonValue.of(k));
      }
      JsonValue.Obj planted = new JsonValue.Obj(m);
      if (objects) {
        List<JsonValue> elements = new ArrayList<>();
        if (k % 2 == 1) {
          elements.add(new JsonValue.Obj(Map.of("a", str("other"))));
        }
        elements.add(planted);
        return new JsonValue.Arr(elements);
      }
      return planted;
    }
    if (op == Operator.STARTS_WITH || op == Operator.ENDS_WITH || op == Operator.LIKE || op == Operator.IN || op == Operator.NOT_IN) {
      return hit(op, fieldValue, plant, k);
    }
    return switch (plant) {
      case NONE, EXACT -> fieldValue;
      case VARIANT -> variant(fieldValue, k);
      case CONTAINER -> container(fieldValue, k);
    };
  }

  /** For an extended operator: a value it holds on (EXACT), a variant of one (case, a char more or less), or one in an array. */
  static JsonValue hit(Operator op, JsonValue fieldValue, Plant plant, int k) {
    JsonValue exact = switch (op) {
      case STARTS_WITH -> str(((JsonValue.Str) fieldValue).value() + List.of("", "x", " tail").get(k % 3));
      case ENDS_WITH -> str(List.of("", "x", "head ").get(k % 3) + ((JsonValue.Str) fieldValue).value());
      case LIKE -> str(instance(((JsonValue.Str) fieldValue).value(), k));
      default -> {
        List<JsonValue> l = ((JsonValue.Arr) fieldValue).elements();
        yield l.get(k % l.size());
      }
    };
    return switch (plant) {
      case NONE, EXACT -> exact;
      case VARIANT -> variant(exact, k);
      case CONTAINER -> k % 2 == 0 ? new JsonValue.Arr(List.of(str("zz"), exact)) : container(exact, k);
    };
  }

  /** A string the like pattern matches: escapes read, each star replaced by "", "x" or "Ab" as {@code k} says. */
  static String instance(String pattern, int k) {
    StringBuilder b = new StringBuilder();
    int star = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        b.append(pattern.charAt(++i));
      } else if (c == '*') {
        b.append(List.of("", "x", "Ab").get((k + star++) % 3));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Another representation of {@code v}, or a near miss, chosen by {@code k}. */
  public static JsonValue variant(JsonValue v, int k) {
    if (v instanceof JsonValue.Num n) {
      BigDecimal d = n.value();
      if (Math.abs((long) d.scale()) > 1000) {
        // 1e999999999: arithmetic on it would take gigabytes
        return k % 2 == 0 ? str(d.toString()) : new JsonValue.Num(d.negate());
      }
      return switch (k % 6) {
        case 0 -> str(safePlain(d));
        case 1 -> new JsonValue.Num(d.setScale(Math.max(d.scale(), 0) + 1)); // 1 -> 1.0: the same number
        case 2 -> str(d.toString());
        case 3 -> new JsonValue.Num(d.add(BigDecimal.ONE));
        case 4 -> new JsonValue.Num(d.subtract(BigDecimal.ONE));
        default -> str(safePlain(d.subtract(new BigDecimal("0.5"))));
      };
    }
    if (v instanceof JsonValue.Str s) {
      java.time.OffsetDateTime t = ReferenceInterpreter.dateTime(s.value());
      if (t != null && k % 4 != 3) {
        // the same instant in another offset, or an hour either side
        Instant i = t.toInstant().plusSeconds(switch (k % 3) { case 0 -> 0; case 1 -> 3600; default -> -3600; });
        return str(writeDateTime(i, List.of(0, 330, -480, 60).get(k % 4), k % 3, k % 2 == 0 ? 3 : 0));
      }
      BigDecimal d = ReferenceInterpreter.number(v);
      if (d != null && k % 2 == 0 && Math.abs((long) d.scale()) <= 1000) {
        // (not 1e999999999 as a number: a number ID is written out in full, which takes gigabytes and
        // is a finding of RobustnessProperties, not something every property should pay for)
        return new JsonValue.Num(d);
      }
      if ((s.value().equals("true") || s.value().equals("false")) && k % 2 == 0) {
        return JsonValue.of(Boolean.parseBoolean(s.value()));
      }
      return switch (k % 6) {
        case 0, 1 -> str("x" + s.value());
        case 2 -> str(s.value() + "y");
        case 3 -> str(s.value().toUpperCase(java.util.Locale.ROOT));
        case 4 -> str(s.value().isEmpty() ? "" : s.value().substring(0, s.value().offsetByCodePoints(s.value().length(), -1)));
        default -> str("A" + s.value());
      };
    }
    if (v instanceof JsonValue.Bool b) {
      return k % 2 == 0 ? str(String.valueOf(b.value())) : JsonValue.of(!b.value());
    }
    if (v instanceof JsonValue.Arr a) {
      List<JsonValue> l = new ArrayList<>(a.elements());
      switch (k % 4) {
        case 0 -> Collections.reverse(l);
        case 1 -> l.add(l.isEmpty() ? JsonValue.NULL : l.get(0));
        case 2 -> l.add(str("zz"));
        default -> {
          if (!l.isEmpty()) {
            l.remove(l.size() - 1);
          }
        }
      }
      return new JsonValue.Arr(l);
    }
    if (v instanceof JsonValue.Obj o) {
      Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
      if (k % 2 == 0 && m.size() > 1) {
        m.remove(m.keySet().iterator().next());
      } else {
        m.put("extra", JsonValue.of(k));
      }
      return new JsonValue.Obj(m);
    }
    return k % 2 == 0 ? str("null") : JsonValue.of(false);
  }

  /** Plain decimal text, or scientific notation when plain text would be huge (1e999999999). */
  static String safePlain(BigDecimal d) {
    return Math.abs((long) d.scale()) > 1000 ? d.toString() : ReferenceInterpreter.plain(d);
  }

  /** Something that contains {@code v}: an array holding it, or a string around its text. */
  public static JsonValue container(JsonValue v, int k) {
    if (v instanceof JsonValue.Arr a) {
      List<JsonValue> l = new ArrayList<>(a.elements());
      if (k % 2 == 0) {
        l.add(str("zz"));
      }
      Collections.rotate(l, 1);
      return new JsonValue.Arr(l);
    }
    if (k % 2 == 0) {
      return new JsonValue.Arr(List.of(str("zz"), v));
    }
    String text = v instanceof JsonValue.Str s ? s.value()
        : v instanceof JsonValue.Num n ? safePlain(n.value())
        : String.valueOf(v);
    return str("x" + text + "y");
  }

  // ------------------------------------------------------------------ descriptions for statistics

  /** The nesting kind of a fieldValue, for statistics. */
  public static String nesting(JsonValue v) {
    if (v == null) {
      return "no fieldValue";
    }
    if (v instanceof JsonValue.Obj o) {
      if (o.members().isEmpty()) {
        return "empty object";
      }
      boolean objects = o.members().size() == 1 && o.get("objects") instanceof JsonValue.Obj;
      boolean fields = o.members().size() == 1 && o.get("fields") instanceof JsonValue.Obj;
      JsonValue.Obj keys = objects || fields ? (JsonValue.Obj) o.members().values().iterator().next() : o;
      boolean twice = keys.members().values().stream().anyMatch(x -> x instanceof JsonValue.Obj);
      return (objects ? "objects" : fields ? "fields" : "bare object") + (twice ? " (double)" : "");
    }
    if (v instanceof JsonValue.Arr) {
      return "array";
    }
    return v instanceof JsonValue.Null ? "null" : "scalar";
  }

  /** How deeply groups nest in {@code filters} (0: no group). */
  public static int groupDepth(List<Filter> filters) {
    int max = 0;
    for (Filter f : filters) {
      if (f instanceof Filter.Group g) {
        max = Math.max(max, 1 + groupDepth(g.filters()));
      }
    }
    return max;
  }

  /** Every condition in {@code filters}, groups included. */
  public static List<Filter.Condition> conditions(List<Filter> filters) {
    List<Filter.Condition> out = new ArrayList<>();
    for (Filter f : filters) {
      if (f instanceof Filter.Group g) {
        out.addAll(conditions(g.filters()));
      } else {
        out.add((Filter.Condition) f);
      }
    }
    return out;
  }
}
