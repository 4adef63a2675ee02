package dev.subfilter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One case of a conformance spec file: checked for shape when read so that a typo in a spec fails
 * loudly. The one reader of the format, shared by {@code subfilter spec} and the spec-tests module.
 */
public record SpecCase(String file, String name, JsonNode subscription, String subscriptionText, JsonNode event,
    String eventFormat, String mode, String expect, String errorContains, JsonNode headers, JsonNode adapter, String callback,
    JsonNode mapping, String eventText) {

  static final Set<String> KEYS = Set.of("name", "subscription", "subscriptionText", "event", "eventText", "eventFormat", "mode",
      "expect", "errorContains", "comment", "headers", "adapter", "callback", "mapping");
  public static final Set<String> EXPECTS = Set.of("match", "no-match", "invalid-subscription", "invalid-event", "handshake");
  static final Set<String> FORMATS = Set.of("workfront", "4me", "cmp", "mapping");
  static final Set<String> ADAPTER_KEYS = Set.of("publicKeyPem", "algorithm", "issuer", "audience", "requireSignature", "callbackSecret",
      "secrets", "now");

  /** @throws IllegalArgumentException naming the file and case when the case is malformed */
  /** What spec files are read with ({@code subfilter spec} and the spec-tests module): strict JSON, exact numbers, file-sized limits. */
  public static com.fasterxml.jackson.databind.ObjectMapper mapper() {
    return CliJson.reader(dev.subfilter.Limits.DEFAULTS.withMaxJsonDepth(dev.subfilter.Limits.MAX_DEPTH), false);
  }

  public static SpecCase read(String file, JsonNode c) {
    if (!c.isObject()) {
      throw new IllegalArgumentException(file + ": a case is a JSON object, found " + CliJson.describe(c));
    }
    for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(file + ": case " + c.path("name") + " has unknown key \"" + k + "\"; allowed " + KEYS);
      }
    }
    String name = text(c, "name", file, null);
    boolean hasSub = c.has("subscription");
    boolean hasText = c.has("subscriptionText");
    if (hasSub == hasText) {
      throw new IllegalArgumentException(file + " › " + name + ": give exactly one of subscription, subscriptionText");
    }
    if (c.has("event") == c.has("eventText")) {
      throw new IllegalArgumentException(file + " › " + name + ": give exactly one of event, eventText (the body as raw text)");
    }
    String expect = text(c, "expect", file, null);
    if (!EXPECTS.contains(expect)) {
      throw new IllegalArgumentException(file + " › " + name + ": expect must be one of " + EXPECTS + ", was " + expect);
    }
    String errorContains = c.has("errorContains") ? text(c, "errorContains", file, null) : null;
    String format = text(c, "eventFormat", file, "workfront");
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(file + " › " + name + ": eventFormat must be one of " + FORMATS + ", was " + format);
    }
    JsonNode mapping = c.get("mapping");
    if (format.equals("mapping") != (mapping != null)) {
      throw new IllegalArgumentException(file + " › " + name + ": eventFormat mapping goes with \"mapping\" (a shipped name or a mapping object)");
    }
    if (mapping != null && !mapping.isTextual() && !mapping.isObject()) {
      throw new IllegalArgumentException(file + " › " + name + ": mapping is a shipped mapping's name or a mapping object");
    }
    JsonNode headers = c.get("headers");
    if (headers != null && !headers.isObject()) {
      throw new IllegalArgumentException(file + " › " + name + ": headers must be an object of header name to value");
    }
    JsonNode adapter = c.get("adapter");
    if (adapter != null) {
      for (Iterator<String> it = adapter.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!ADAPTER_KEYS.contains(k)) {
          throw new IllegalArgumentException(file + " › " + name + ": adapter has unknown key \"" + k + "\"; allowed " + ADAPTER_KEYS);
        }
      }
    }
    String callback = c.has("callback") ? text(c, "callback", file, null) : null;
    if (callback != null && !expect.equals("handshake")) {
      throw new IllegalArgumentException(file + " › " + name + ": callback goes only with expect handshake");
    }
    if (errorContains != null && !expect.startsWith("invalid-")) {
      throw new IllegalArgumentException(file + " › " + name + ": errorContains goes only with an invalid-* expect");
    }
    return new SpecCase(file, name, hasSub ? c.get("subscription") : null,
        hasText ? text(c, "subscriptionText", file, null) : null, c.get("event"),
        format, text(c, "mode", file, "extended"), expect, errorContains, headers, adapter, callback,
        mapping, c.has("eventText") ? text(c, "eventText", file, null) : null);
  }

  /**
   * The cases of one spec file {@code {"suite", "source", "cases": [...]}}, names unique.
   *
   * @throws IllegalArgumentException naming the file (and case) when it is malformed
   */
  public static List<SpecCase> readFile(String file, JsonNode doc) {
    if (doc == null || !doc.path("suite").isTextual() || !doc.path("source").isTextual() || !doc.path("cases").isArray()) {
      throw new IllegalArgumentException(file + ": a spec file has \"suite\", \"source\" and \"cases\"");
    }
    List<SpecCase> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode c : doc.get("cases")) {
      SpecCase sc = read(file, c);
      if (!names.add(sc.name())) {
        throw new IllegalArgumentException(file + ": duplicate case name \"" + sc.name() + "\"");
      }
      out.add(sc);
    }
    return out;
  }

  private static String text(JsonNode c, String key, String file, String dflt) {
    JsonNode v = c.get(key);
    if (v == null) {
      if (dflt == null) {
        throw new IllegalArgumentException(file + ": a case is missing \"" + key + "\"");
      }
      return dflt;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(file + ": \"" + key + "\" must be a string");
    }
    return v.textValue();
  }
}
