package dev.subfilter;

import java.util.Map;

/**
 * What a condition compares a field with (its {@code fieldValue}), typed when the subscription is
 * read: a <em>leaf</em> (JSON null, a boolean, number, string or array: the {@link JsonValue}
 * records themselves), or a nested value that descends into the field, {@link Fields} or {@link
 * Objects}, whose members are field values again. A JSON object never is a leaf here: in the place
 * of a fieldValue an object always descends. Immutable and thread-safe.
 *
 * <pre>{@code
 * "fieldValue": "CPL"                                   a leaf (JsonValue.Str)
 * "fieldValue": {"fields": {"customerID": "c1"}}        Fields, written with the keyword
 * "fieldValue": {"customerID": "c1"}                    Fields, written bare
 * "fieldValue": {"objects": {"projectID": "p1"}}        Objects: some element of an array field
 * }</pre>
 */
public sealed interface FieldValue
    permits JsonValue.Null, JsonValue.Bool, JsonValue.Num, JsonValue.Str, JsonValue.Arr, FieldValue.Fields, FieldValue.Objects {

  /**
   * This value as written in a subscription: a leaf is itself; {@link Fields} and {@link Objects}
   * give back their keyword (or bare) object. Reading the result gives an equal value.
   *
   * @return never {@code null}
   */
  default JsonValue toJson() {
    return (JsonValue) this; // the leaves are the JsonValue records; Fields and Objects override this
  }

  /**
   * The keys of an object field that must each hold: written {@code {"fields": {...}}} or as a
   * bare object. The field is an object and every member's value holds at that key.
   *
   * @param members the keys and their values, in written order; never empty (an unmodifiable copy)
   * @param keyword whether it was written with the {@code fields} keyword (only printing differs)
   */
  record Fields(Map<String, FieldValue> members, boolean keyword) implements FieldValue {
    /**
     * A nested value over an object field; {@code members} is copied.
     *
     * @param members the keys and their values, in iteration order; not {@code null}, nor any key
     *     or value
     * @param keyword whether it is written with the {@code fields} keyword
     * @throws NullPointerException when {@code members}, a key or a value is {@code null}
     * @throws IllegalArgumentException when {@code members} is empty, or when a bare one's only key
     *     is {@code fields} or {@code objects} (written out, that is the keyword form)
     */
    public Fields {
      members = SmallMap.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException(FieldValueReader.EMPTY_OBJECT);
      }
      if (!keyword && FieldValueReader.keyword(members) != null) {
        throw new IllegalArgumentException("a bare object whose only key is \"" + FieldValueReader.keyword(members)
            + "\" reads as that keyword; wrap it: {\"fields\": {...}}");
      }
    }

    @Override
    public JsonValue toJson() {
      JsonValue.Obj inner = FieldValueReader.toObject(members);
      return keyword ? new JsonValue.Obj(Map.of("fields", inner)) : inner;
    }
  }

  /**
   * Keys that some element of an array field must hold, written {@code {"objects": {...}}}: the
   * field is an array and one of its object elements has every member hold.
   *
   * @param members the keys and their values, in written order; never empty (an unmodifiable copy)
   */
  record Objects(Map<String, FieldValue> members) implements FieldValue {
    /**
     * A nested value over an array field; {@code members} is copied.
     *
     * @param members the keys and their values, in iteration order; not {@code null}, nor any key
     *     or value
     * @throws NullPointerException when {@code members}, a key or a value is {@code null}
     * @throws IllegalArgumentException when {@code members} is empty
     */
    public Objects {
      members = SmallMap.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException(FieldValueReader.EMPTY_OBJECT);
      }
    }

    @Override
    public JsonValue toJson() {
      return new JsonValue.Obj(Map.of("objects", FieldValueReader.toObject(members)));
    }
  }

  /**
   * The field value a subscription's JSON {@code fieldValue} means: objects descend as {@link
   * Fields} or {@link Objects}, anything else is a leaf.
   *
   * @param json the fieldValue as written
   * @return its typed form
   * @throws NullPointerException when {@code json} is {@code null}
   * @throws IllegalArgumentException when an object in it has no keys to match, a keyword holds
   *     no object, or a number has more than {@link Limits#MAX_STRING_LENGTH} digits written out
   */
  static FieldValue of(JsonValue json) {
    return FieldValueReader.of(json);
  }
}
