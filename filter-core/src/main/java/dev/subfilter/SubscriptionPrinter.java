package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subscription to Workfront JSON. */
final class SubscriptionPrinter {
  private SubscriptionPrinter() {}

  static JsonValue print(Subscription s) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("objCode", JsonValue.of(s.objCode()));
    out.put("eventType", JsonValue.of(s.eventType()));
    if (s.objId() != null) {
      out.put("objId", JsonValue.of(s.objId()));
    }
    out.put("filters", filters(s.filters()));
    out.put("filterConnector", JsonValue.of(s.filterConnector().name()));
    out.putAll(s.carried());
    return new JsonValue.Obj(out);
  }

  private static JsonValue filters(List<Filter> filters) {
    List<JsonValue> out = new ArrayList<>(filters.size());
    for (Filter f : filters) {
      out.add(filter(f));
    }
    return new JsonValue.Arr(out);
  }

  private static JsonValue filter(Filter f) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    if (f instanceof Filter.Condition c) {
      out.put("fieldName", JsonValue.of(c.fieldName()));
      if (c.fieldValue() != null) {
        out.put("fieldValue", c.fieldValue());
      }
      out.put("comparison", JsonValue.of(c.comparison().token()));
      out.put("state", JsonValue.of(c.state().token()));
    } else if (f instanceof Filter.Group g) {
      out.put("type", JsonValue.of("group"));
      out.put("connector", JsonValue.of(g.connector().name()));
      out.put("filters", filters(g.filters()));
    } else {
      throw new AssertionError("unhandled filter " + f);
    }
    return new JsonValue.Obj(out);
  }
}
