package dev.subfilter;

import java.util.List;
import dev.subfilter.internal.NestedValue;
import java.util.Objects;

/**
 * One entry of a subscription's {@code filters}: a {@link Condition} on a field or a {@link Group}
 * of filters. Immutable; the compact constructors reject what no subscription can mean, while
 * {@link SubscriptionParser} reports located problems before ever getting here.
 */
public sealed interface Filter {

  /**
   * {@code {fieldName, fieldValue, comparison, state}}.
   *
   * @param fieldName a key of the chosen state, taken literally; never empty
   * @param comparison the operator
   * @param fieldValue the value compared against; {@code null} only when the operator ignores it
   *     (JSON null is {@link JsonValue#NULL})
   * @param state the state read; {@code changed} reads both
   */
  record Condition(String fieldName, Operator comparison, JsonValue fieldValue, State state) implements Filter {
    public Condition {
      Objects.requireNonNull(fieldName, "fieldName");
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(state, "state");
      if (fieldName.isEmpty()) {
        throw new IllegalArgumentException("fieldName must not be empty");
      }
      fieldName = fieldName.intern(); // thousands of subscriptions name a few dozen fields: keep one copy of each
      if (fieldValue == null && comparison.usesValue()) {
        throw new IllegalArgumentException("comparison " + comparison.token() + " needs a fieldValue");
      }
      if (fieldValue != null && comparison.usesValue()) {
        String problem = NestedValue.problem(fieldValue);
        if (problem != null) {
          throw new IllegalArgumentException("fieldValue: " + problem);
        }
      }
    }

    /** A {@code newState} condition. */
    public static Condition of(String fieldName, Operator comparison, JsonValue fieldValue) {
      return new Condition(fieldName, comparison, fieldValue, State.NEW_STATE);
    }
  }

  /**
   * {@code {"type": "group", "connector": ..., "filters": [...]}}.
   *
   * @param connector how the children combine
   * @param filters at least two children (an unmodifiable copy)
   */
  record Group(Connector connector, List<Filter> filters) implements Filter {
    public Group {
      Objects.requireNonNull(connector, "connector");
      filters = List.copyOf(filters);
      if (filters.size() < 2) {
        throw new IllegalArgumentException("a group needs at least 2 filters, got " + filters.size());
      }
    }
  }
}
