package dev.subfilter;

import java.util.List;
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
   * @param fieldValue the value compared against, typed ({@link FieldValue#of} reads one from JSON);
   *     {@code null} exactly when the operator ignores it (given one, such an operator drops it;
   *     JSON null is {@link JsonValue#NULL})
   * @param state the state read; {@code changed} reads both
   */
  record Condition(String fieldName, Operator comparison, FieldValue fieldValue, State state) implements Filter {
    /**
     * A condition; a fieldValue given to an operator that ignores it is dropped ({@code null}).
     *
     * @param fieldName a key of the chosen state; not {@code null} nor empty
     * @param comparison the operator; not {@code null}
     * @param fieldValue the value compared against; required when {@link Operator#usesValue()},
     *     else ignored
     * @param state the state read; not {@code null}
     * @throws NullPointerException when fieldName, comparison or state is {@code null}
     * @throws IllegalArgumentException when fieldName is empty, fieldValue is {@code null} for an
     *     operator that reads it, or fieldValue holds a number of
     *     more than {@link Limits#MAX_STRING_LENGTH} digits written out or nests deeper than
     *     {@link Limits#MAX_DEPTH}
     */
    public Condition {
      Objects.requireNonNull(fieldName, "fieldName");
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(state, "state");
      if (fieldName.isEmpty()) {
        throw new IllegalArgumentException("fieldName must not be empty");
      }
      fieldName = fieldName.intern(); // thousands of subscriptions name a few dozen fields: keep one copy of each
      if (!comparison.usesValue()) {
        fieldValue = null; // changed, exists and notExists ignore it: one condition, however it was written
      } else {
        if (fieldValue == null) {
          throw new IllegalArgumentException("comparison " + comparison.token() + " needs a fieldValue");
        }
        FieldValueReader.requireValid(fieldValue);
      }
    }

    /**
     * A {@code newState} condition.
     *
     * @param fieldName a key of the new state
     * @param comparison the operator
     * @param fieldValue the fieldValue as JSON, or {@code null} when the operator ignores it
     * @return the condition
     * @throws NullPointerException when fieldName or comparison is {@code null}
     * @throws IllegalArgumentException as {@link FieldValue#of} and the constructor do
     */
    public static Condition of(String fieldName, Operator comparison, JsonValue fieldValue) {
      return of(fieldName, comparison, fieldValue, State.NEW_STATE);
    }

    /**
     * A condition whose fieldValue is given as JSON.
     *
     * @param fieldName a key of the chosen state
     * @param comparison the operator
     * @param fieldValue the fieldValue as JSON, or {@code null} when the operator ignores it
     * @param state the state read
     * @return the condition
     * @throws NullPointerException when fieldName, comparison or state is {@code null}
     * @throws IllegalArgumentException as {@link FieldValue#of} and the constructor do
     */
    public static Condition of(String fieldName, Operator comparison, JsonValue fieldValue, State state) {
      Objects.requireNonNull(comparison, "comparison");
      boolean read = fieldValue != null && comparison.usesValue();
      return new Condition(fieldName, comparison, read ? FieldValue.of(fieldValue) : null, state);
    }
  }

  /**
   * {@code {"type": "group", "connector": ..., "filters": [...]}}.
   *
   * @param connector how the children combine
   * @param filters at least two children (an unmodifiable copy)
   */
  record Group(Connector connector, List<Filter> filters) implements Filter {
    /**
     * A group; {@code filters} is copied.
     *
     * @param connector how the children combine; not {@code null}
     * @param filters the children, at least two; not {@code null}, nor any of them
     * @throws NullPointerException when {@code connector}, {@code filters} or a child is {@code null}
     * @throws IllegalArgumentException when there are fewer than two children
     */
    public Group {
      Objects.requireNonNull(connector, "connector");
      filters = List.copyOf(filters);
      if (filters.size() < 2) {
        throw new IllegalArgumentException("a group needs at least 2 filters, got " + filters.size());
      }
    }
  }
}
