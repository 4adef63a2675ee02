package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.subfilter.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and core's {@link JsonValue}. Stateless. */
public final class JsonValues {
  private JsonValues() {}

  /**
   * The {@link JsonValue} of a Jackson tree. Recursion depth is the tree's depth, which reading
   * bounds ({@code Limits.maxJsonDepth}).
   *
   * @param node a tree; not {@code null}; missing nodes read as JSON {@code null}
   * @return the same JSON as a {@link JsonValue}, numbers exact
   */
  public static JsonValue fromJackson(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          members.put(e.getKey(), fromJackson(e.getValue()));
        }
        return new JsonValue.Obj(members);
      }
      case ARRAY: {
        List<JsonValue> elements = new ArrayList<>(node.size());
        for (JsonNode e : node) {
          elements.add(fromJackson(e));
        }
        return new JsonValue.Arr(elements);
      }
      case STRING:
        return new JsonValue.Str(node.textValue());
      case NUMBER:
        if (JacksonModel.nonFinite(node)) {
          return new JsonValue.Str(node.asText()); // as JacksonModel reads it: "NaN", "Infinity"
        }
        return new JsonValue.Num(node.isBigDecimal() || node.isFloatingPointNumber() ? node.decimalValue() : new BigDecimal(node.bigIntegerValue()));
      case BOOLEAN:
        return new JsonValue.Bool(node.booleanValue());
      default:
        return JsonValue.NULL;
    }
  }

  /**
   * The Jackson tree of a {@link JsonValue}.
   *
   * @param value a value; not {@code null}
   * @return a new tree, numbers as exact {@code BigDecimal}s
   */
  public static JsonNode toJackson(JsonValue value) {
    JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
    if (value instanceof JsonValue.Obj o) {
      ObjectNode out = f.objectNode();
      o.members().forEach((k, v) -> out.set(k, toJackson(v)));
      return out;
    }
    if (value instanceof JsonValue.Arr a) {
      ArrayNode out = f.arrayNode();
      a.elements().forEach(v -> out.add(toJackson(v)));
      return out;
    }
    if (value instanceof JsonValue.Str s) {
      return f.textNode(s.value());
    }
    if (value instanceof JsonValue.Num n) {
      return f.numberNode(n.value());
    }
    if (value instanceof JsonValue.Bool b) {
      return f.booleanNode(b.value());
    }
    return f.nullNode();
  }
}
