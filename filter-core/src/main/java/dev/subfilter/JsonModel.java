package dev.subfilter;

import java.math.BigDecimal;

/**
 * A read-only view of a JSON document whose nodes are opaque objects: how compiled subscriptions
 * read event states without copying them. {@code filter-jackson} implements it over Jackson trees;
 * {@link #JAVA} reads plain {@code Map}/{@code List} data.
 *
 * <p>Every method receives a node of this model (never {@code null}) and must not modify it.
 * Implementations must be stateless and thread-safe; methods are called on the evaluation hot
 * path, so they should not allocate. A method called on a node of the wrong kind may return
 * anything but must not throw.
 */
public interface JsonModel {

  /** The JSON type of a node. */
  enum Kind {
    NULL,
    BOOLEAN,
    NUMBER,
    STRING,
    ARRAY,
    OBJECT
  }

  /** Plain Java data: {@code Map<String, ?>}, {@code List<?>}, String, Number, Boolean, null. */
  JsonModel JAVA = new JavaJsonModel(); // not a field of JavaJsonModel: initialising that class first would read it unset

  /** The node's JSON type. */
  Kind kind(Object node);

  /** The member {@code key} of an object node, or {@code null} when absent (JSON null is a node). */
  Object get(Object object, String key);

  /** The number of elements of an array node, or of members of an object node. */
  int size(Object arrayOrObject);

  /** Element {@code index} of an array node. */
  Object element(Object array, int index);

  /** The member names of an object node. */
  Iterable<String> keys(Object object);

  /** The text of a string node. */
  String text(Object node);

  /** The value of a boolean node. */
  boolean booleanValue(Object node);

  /** The exact value of a number node. */
  BigDecimal decimalValue(Object node);

  /** Whether a number node is an integer that fits a {@code long}: lets comparisons skip BigDecimal. */
  default boolean isLong(Object node) {
    return false;
  }

  /** The value of a number node for which {@link #isLong} holds. */
  default long longValue(Object node) {
    return decimalValue(node).longValueExact();
  }
}
