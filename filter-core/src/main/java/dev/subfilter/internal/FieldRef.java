package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;

/** A fieldName, looked up literally, with Workfront's fallback of {@code DE:} names into parameterValues. */
final class FieldRef {
  private final String name;
  private final boolean custom;

  FieldRef(String name) {
    this.name = name;
    this.custom = name.startsWith("DE:");
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
