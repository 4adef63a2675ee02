package dev.subfilter.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontAdapter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The adapter a spec case names, configured from its {@code adapter} settings. */
final class Adapters {
  private Adapters() {}

  static Adapter of(SpecCase c, SubfilterJson json) {
    JsonNode a = c.adapter();
    switch (c.eventFormat()) {
      case "workfront":
        return new WorkfrontAdapter(json);
      case "cmp":
        return CmpAdapter.create(json, a == null || !a.has("callbackSecret") ? null : a.get("callbackSecret").asText());
      case "4me": {
        FourMeAdapter.Builder b = FourMeAdapter.builder().json(json);
        if (a != null) {
          if (a.has("publicKeyPem")) {
            b.publicKeyPem(a.get("publicKeyPem").asText());
          }
          if (a.has("algorithm")) {
            b.algorithm(a.get("algorithm").asText());
          }
          if (a.has("issuer")) {
            b.issuer(a.get("issuer").asText());
          }
          if (a.has("audience")) {
            b.audience(a.get("audience").asText());
          }
          if (a.has("requireSignature")) {
            b.requireSignature(a.get("requireSignature").asBoolean());
          }
        }
        return b.build();
      }
      default:
        throw new IllegalArgumentException("unknown eventFormat " + c.eventFormat());
    }
  }

  static Map<String, List<String>> headers(SpecCase c) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (c.headers() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = c.headers().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), List.of(e.getValue().asText()));
      }
    }
    return out;
  }
}
