package dev.subfilter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.Connector;
import dev.subfilter.Filter;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * Translates subscriptions into AWS event-ruler patterns wherever its pattern language expresses
 * them exactly on the generated workload, and nowhere else:
 *
 * <ul>
 *   <li>the gate: {@code eventType} (top level) exact, {@code newState.objCode} exact, and a pinned
 *       objId as {@code newState.ID} exact (every generated event carries objCode and ID in
 *       newState, so newState-else-oldState never falls through);
 *   <li>an AND (top-level connector AND, or a single filter) of newState conditions, one per field,
 *       on top-level fields of {@link Workload#FIELDS} (no {@code DE:} names, which may be read
 *       from {@code parameterValues}):
 *       {@code eq} on a string field with a string value → exact; {@code eq} on a number field with
 *       a number → {@code numeric =}; {@code ne} on a string field with a string → {@code
 *       anything-but}; {@code contains} on a string field with a string without {@code *} or
 *       {@code \} → {@code wildcard *x*}; {@code gt gte lt lte} on a number field with a number →
 *       {@code numeric}.
 * </ul>
 *
 * Everything else (OR connectors and groups, oldState, changed, exists, notExists, notContains,
 * containsOnly, dates, arrays, nested values, several conditions on one field) is not translated.
 * Field kinds come from the generator: a string field is always a string, never null, a number
 * field always an integer, which is what makes these translations exact. {@code
 * EventRulerTranslationTest} checks it event by event.
 */
public final class EventRulerTranslation {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventRulerTranslation() {}

  /** The event-ruler pattern (JSON text) equivalent to {@code s}, if there is one. */
  public static Optional<String> translate(Subscription s) {
    if (s.filterConnector() != Connector.AND && s.filters().size() > 1) {
      return Optional.empty();
    }
    ObjectNode pattern = NODES.objectNode();
    pattern.putArray("eventType").add(s.eventType());
    ObjectNode ns = pattern.putObject("newState");
    ns.putArray("objCode").add(s.objCode());
    if (s.objId() != null) {
      ns.putArray("ID").add(s.objId());
    }
    Set<String> seen = new HashSet<>(Set.of("objCode", "ID"));
    for (Filter f : s.filters()) {
      if (!(f instanceof Filter.Condition c) || c.state() != State.NEW_STATE || !seen.add(c.fieldName())) {
        return Optional.empty();
      }
      Workload.Kind kind = c.fieldName().startsWith("DE:") ? null : Workload.FIELDS.get(c.fieldName());
      if (kind == null) {
        return Optional.empty();
      }
      JsonValue v = c.fieldValue() == null ? null : c.fieldValue().toJson();
      ArrayNode values = NODES.arrayNode();
      boolean string = kind == Workload.Kind.STRING;
      if (c.ignoreCase() && (!string || !Set.of(Operator.EQ, Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.IN).contains(c.comparison()))) {
        return Optional.empty();
      }
      switch (c.comparison()) {
        case EQ -> {
          if (string && v instanceof JsonValue.Str str && c.ignoreCase()) {
            values.addObject().put("equals-ignore-case", str.value());
          } else if (kind == Workload.Kind.STRING && v instanceof JsonValue.Str str) {
            values.add(str.value());
          } else if (kind == Workload.Kind.NUMBER && v instanceof JsonValue.Num n) {
            values.addObject().putArray("numeric").add("=").add(n.value());
          } else {
            return Optional.empty();
          }
        }
        case NE -> {
          if (kind == Workload.Kind.STRING && v instanceof JsonValue.Str str) {
            values.addObject().putArray("anything-but").add(str.value());
          } else {
            return Optional.empty();
          }
        }
        case STARTS_WITH, ENDS_WITH -> {
          if (!string || !(v instanceof JsonValue.Str str)) {
            return Optional.empty();
          }
          String name = c.comparison() == Operator.STARTS_WITH ? "prefix" : "suffix";
          if (c.ignoreCase()) {
            values.addObject().putObject(name).put("equals-ignore-case", str.value());
          } else {
            values.addObject().put(name, str.value());
          }
        }
        case LIKE -> {
          if (!string || !(v instanceof JsonValue.Str str) || str.value().contains("\\") || str.value().contains("**")) {
            return Optional.empty();
          }
          values.addObject().put("wildcard", str.value());
        }
        case IN, NOT_IN -> {
          if (!string || !(v instanceof JsonValue.Arr list)) {
            return Optional.empty();
          }
          ArrayNode into = c.comparison() == Operator.IN ? values : values.addObject().putArray("anything-but");
          for (JsonValue e : list.elements()) {
            if (!(e instanceof JsonValue.Str str)) {
              return Optional.empty();
            }
            if (c.ignoreCase()) {
              into.addObject().put("equals-ignore-case", str.value());
            } else {
              into.add(str.value());
            }
          }
        }
        case CONTAINS -> {
          if (kind == Workload.Kind.STRING && v instanceof JsonValue.Str str
              && str.value().indexOf('*') < 0 && str.value().indexOf('\\') < 0) {
            values.addObject().put("wildcard", "*" + str.value() + "*");
          } else {
            return Optional.empty();
          }
        }
        case GT, GTE, LT, LTE -> {
          if (kind == Workload.Kind.NUMBER && v instanceof JsonValue.Num n) {
            String op = switch (c.comparison()) {
              case GT -> ">";
              case GTE -> ">=";
              case LT -> "<";
              default -> "<=";
            };
            values.addObject().putArray("numeric").add(op).add(n.value());
          } else {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty();
        }
      }
      ns.set(c.fieldName(), values);
    }
    try {
      return Optional.of(MAPPER.writeValueAsString(pattern));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The translatable subset of {@code subscriptions}, as patterns by id (in order). */
  public static Map<String, String> translatable(Map<String, Subscription> subscriptions) {
    Map<String, String> out = new LinkedHashMap<>();
    subscriptions.forEach((id, s) -> translate(s).ifPresent(p -> out.put(id, p)));
    return out;
  }

  /** A machine holding these patterns, each rule named by its id. */
  public static Machine machine(Map<String, String> patterns) {
    Machine m = new Machine();
    try {
      for (Map.Entry<String, String> e : patterns.entrySet()) {
        m.addRule(e.getKey(), e.getValue());
      }
    } catch (Exception e) {
      throw new IllegalStateException("event-ruler rejected a pattern: " + e.getMessage(), e);
    }
    return m;
  }
}
