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
    /** JSON {@code null}: a member or element that is present with no value. */
    NULL,
    /** {@code true} or {@code false}, read with {@link #booleanValue}. */
    BOOLEAN,
    /** A finite number, read exactly with {@link #decimalValue} (or {@link #longValue}). */
    NUMBER,
    /** A string, read with {@link #text}. */
    STRING,
    /** An array: {@link #size} elements, read with {@link #element}. */
    ARRAY,
    /** An object: {@link #size} members, named by {@link #keys}, read with {@link #get}. */
    OBJECT
  }

  /** Plain Java data: {@code Map<String, ?>}, {@code List<?>}, String, Number, Boolean, null. */
  JsonModel JAVA = new JavaJsonModel(); // not a field of JavaJsonModel: initialising that class first would read it unset

  /**
   * The node's JSON type.
   *
   * @param node a node of this model
   * @return its kind; never {@code null}
   */
  Kind kind(Object node);

  /**
   * The member {@code key} of an object node, or {@code null} when absent (JSON null is a node).
   *
   * @param object an object node
   * @param key the member name, exact (case-sensitive); never {@code null}
   * @return the member's node (a {@link Kind#NULL} node for a JSON null), or {@code null} when the
   *     object has no such member
   */
  Object get(Object object, String key);

  /**
   * The number of elements of an array node, or of members of an object node.
   *
   * @param arrayOrObject an array or object node
   * @return the number of elements or members, {@code 0} or more
   */
  int size(Object arrayOrObject);

  /**
   * Element {@code index} of an array node.
   *
   * @param array an array node
   * @param index from {@code 0} to {@code size(array) - 1}; callers never pass another
   * @return the element's node (a {@link Kind#NULL} node for a JSON null); never {@code null}
   */
  Object element(Object array, int index);

  /**
   * The member names of an object node.
   *
   * @param object an object node
   * @return its member names, each once, in the document's order where the model keeps one;
   *     never {@code null}
   */
  Iterable<String> keys(Object object);

  /**
   * The text of a string node.
   *
   * @param node a string node
   * @return its text, unescaped; never {@code null}
   */
  String text(Object node);

  /**
   * The value of a boolean node.
   *
   * @param node a boolean node
   * @return its value
   */
  boolean booleanValue(Object node);

  /**
   * The exact value of a number node.
   *
   * @param node a number node
   * @return its value; never {@code null}
   */
  BigDecimal decimalValue(Object node);

  /**
   * Whether a number node is an integer that fits a {@code long}: lets comparisons skip BigDecimal.
   * The default answers {@code false}, always correct but slower.
   *
   * @param node a number node
   * @return {@code true} only if {@link #longValue} gives the node's exact value
   */
  default boolean isLong(Object node) {
    return false;
  }

  /**
   * The value of a number node for which {@link #isLong} holds. The default converts
   * {@link #decimalValue} exactly.
   *
   * @param node a number node for which {@link #isLong} is {@code true}
   * @return its exact value
   */
  default long longValue(Object node) {
    return decimalValue(node).longValueExact();
  }
}
