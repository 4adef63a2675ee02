package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;

/** A fieldName, looked up literally, with Workfront's fallback of {@code DE:} names into parameterValues. */
final class FieldRef {
  private static final Interner<FieldRef> SHARED = new Interner<>(4096);

  private final String name;
  private final boolean custom;

  FieldRef(String name) {
    this.name = name;
    this.custom = name.startsWith("DE:");
  }

  /** The shared reference to {@code name} (compiled subscriptions keep one per field, not one per condition). */
  static FieldRef of(String name) {
    return SHARED.of(new FieldRef(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldRef f && name.equals(f.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The fieldName as written. */
  String name() {
    return name;
  }

  /** Whether it is a {@code DE:} custom field, which Workfront also looks up in {@code parameterValues}. */
  boolean custom() {
    return custom;
  }

  /** The field's node in {@code state}, or {@code null} when absent. */
  Object lookup(JsonModel m, Object state) {
    Object v = m.get(state, name);
    if (v == null && custom) {
      Object pv = m.get(state, "parameterValues");
      if (pv != null && m.kind(pv) == Kind.OBJECT) {
        return m.get(pv, name);
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return name;
  }
}
