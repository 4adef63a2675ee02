package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Limits;
import dev.subfilter.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delivery written down with its headers, so that header-driven vendors (and signatures) can be
 * read from files: {@code {"headers": {"Name": "value" or ["value", ...]}, "body": ...}}, the body a
 * JSON value (its compact JSON is the body), or a string of the raw text (of base64 of the raw
 * bytes when {@code "base64": true}). Any object whose members are {@code body} and at most {@code
 * headers} and {@code base64} is an envelope. Stateless.
 *
 * @param headers the envelope's headers, in order
 * @param body the delivery's body bytes
 */
record Envelope(Map<String, List<String>> headers, byte[] body) {
  private static final Set<String> KEYS = Set.of("headers", "body", "base64");
  private static final JsonFactory SCAN = JsonFactory.builder().build();
  private static final ObjectMapper READ = CliJson.reader(Limits.DEFAULTS, false);

  /**
   * The envelope in {@code payload}, or {@code null} when it is not one (then it is the body).
   *
   * @throws InvalidEventException when it is an envelope whose headers or body are malformed
   */
  static Envelope open(byte[] payload) {
    if (!looksLikeOne(payload)) {
      return null;
    }
    JsonNode root;
    try {
      root = READ.readTree(payload);
    } catch (IOException e) {
      throw new InvalidEventException(new Problem("", "not valid JSON: " + CliJson.error(e)));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    JsonNode h = root.get("headers");
    if (h != null) {
      if (!h.isObject()) {
        throw invalid("/headers", "expected an object of header name to value (a string, or an array of strings), found " + CliJson.describe(h));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = Problem.child("/headers", e.getKey());
        List<String> values = new ArrayList<>();
        if (e.getValue().isTextual()) {
          values.add(e.getValue().textValue());
        } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
          for (JsonNode v : e.getValue()) {
            if (!v.isTextual()) {
              throw invalid(p, "expected the header's values as strings, found " + CliJson.describe(v));
            }
            values.add(v.textValue());
          }
        } else {
          throw invalid(p, "expected the header's value (a string, or an array of strings), found " + CliJson.describe(e.getValue()));
        }
        headers.put(e.getKey(), List.copyOf(values));
      }
    }
    JsonNode b64 = root.get("base64");
    if (b64 != null && !b64.isBoolean()) {
      throw invalid("/base64", "expected true (the body string is base64 of the raw bytes) or false, found " + CliJson.describe(b64));
    }
    JsonNode body = root.get("body");
    byte[] bytes;
    if (body.isTextual()) {
      if (b64 != null && b64.booleanValue()) {
        try {
          bytes = Base64.getMimeDecoder().decode(body.textValue());
        } catch (IllegalArgumentException e) {
          throw invalid("/body", "not base64, though base64 is true: " + e.getMessage());
        }
      } else {
        bytes = body.textValue().getBytes(StandardCharsets.UTF_8);
      }
    } else {
      if (b64 != null && b64.booleanValue()) {
        throw invalid("/body", "base64 is true, so the body is a string of base64, found " + CliJson.describe(body));
      }
      try {
        bytes = CliJson.OUT.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw invalid("/body", "cannot be written as JSON: " + e.getOriginalMessage());
      }
    }
    return new Envelope(headers, bytes);
  }

  /** Whether the top-level members are body and at most headers and base64; reads only the names. */
  private static boolean looksLikeOne(byte[] payload) {
    boolean body = false;
    try (JsonParser p = SCAN.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (!KEYS.contains(name)) {
          return false;
        }
        body |= name.equals("body");
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException e) {
      return false; // not JSON: the adapter says where
    }
    return body;
  }

  /**
   * {@code base} with {@code over} on top: a header {@code over} names (in any case) replaces
   * {@code base}'s.
   */
  static Map<String, List<String>> merge(Map<String, List<String>> base, Map<String, List<String>> over) {
    if (over == null || over.isEmpty()) {
      return base;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    base.forEach((k, v) -> {
      if (over.keySet().stream().noneMatch(k::equalsIgnoreCase)) {
        out.put(k, v);
      }
    });
    out.putAll(over);
    return out;
  }

  private static InvalidEventException invalid(String pointer, String message) {
    return new InvalidEventException(new Problem(pointer, "envelope: " + message));
  }
}
