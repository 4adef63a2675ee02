package dev.subfilter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontAdapter;
import dev.subfilter.jsonpath.InvalidMappingException;
import dev.subfilter.jsonpath.JsonPathAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one spec case (for `subfilter spec` and the spec-tests module), through the real readers, adapters and the
 * compiled predicate (and, for a match case, a print-and-parse round trip of the subscription).
 */
public final class SpecRunner {
  private static final SubfilterJson EXTENDED = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS);
  private static final SubfilterJson WORKFRONT = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);

  private SpecRunner() {}

  /** The reader for a case's mode, or {@code null} for an unknown mode. */
  public static SubfilterJson json(SpecCase c) {
    return switch (c.mode()) {
      case "extended" -> EXTENDED;
      case "workfront" -> WORKFRONT;
      default -> null;
    };
  }

  /** {@code null} when the case behaves as it expects, else what happened instead. */
  public static String run(SpecCase c) {
    SubfilterJson json = json(c);
    if (json == null) {
      return "mode must be extended or workfront, was " + c.mode();
    }
    Subscription s;
    try {
      s = c.subscriptionText() != null
          ? json.readSubscriptionLenient(c.subscriptionText())
          : json.readSubscription(c.subscription().toString());
    } catch (InvalidSubscriptionException e) {
      return expectInvalid(c, "invalid-subscription", e.getMessage());
    }
    Delivery delivery;
    try {
      delivery = adapter(c, json).read(body(c), headers(c));
    } catch (InvalidEventException e) {
      return expectInvalid(c, "invalid-event", e.getMessage());
    } catch (IllegalArgumentException | InvalidMappingException e) {
      return "the case's adapter settings are invalid: " + e.getMessage();
    }
    if (delivery instanceof Delivery.Handshake h) {
      if (!c.expect().equals("handshake")) {
        return "expected " + c.expect() + " but got a handshake for " + h.callbackUrl();
      }
      if (c.callback() != null && !c.callback().equals(h.callbackUrl())) {
        return "expected the handshake callback " + c.callback() + " but got " + h.callbackUrl();
      }
      return null;
    }
    Event event = ((Delivery.Received) delivery).event();
    if (c.expect().startsWith("invalid-") || c.expect().equals("handshake")) {
      return "expected " + c.expect() + " but subscription and event were read: " + event;
    }
    boolean expected = c.expect().equals("match");
    boolean got = s.compile().matches(event);
    if (got != expected) {
      String why = expected ? ": " + s.compile().explain(event).why() : "";
      return "expected " + c.expect() + " but got " + (got ? "match" : "no-match") + why;
    }
    if (!s.equals(json.readSubscription(s.toJson().toString()))) {
      return "the subscription does not survive printing and parsing: " + s.toJson();
    }
    return null;
  }

  private static String expectInvalid(SpecCase c, String outcome, String message) {
    String oneLine = message.replace('\n', ' ');
    if (!c.expect().equals(outcome)) {
      return "expected " + c.expect() + " but got " + outcome + ": " + oneLine;
    }
    if (c.errorContains() != null && !message.contains(c.errorContains())) {
      return "the error should contain \"" + c.errorContains() + "\" but was: " + oneLine;
    }
    return message.isBlank() ? "the error message is blank" : null;
  }

  /** The body a case delivers: its {@code eventText} as is, else its {@code event} as compact JSON. */
  public static byte[] body(SpecCase c) {
    return (c.eventText() != null ? c.eventText() : c.event().toString()).getBytes(StandardCharsets.UTF_8);
  }

  /** The adapter a case's eventFormat names, configured from its adapter settings. */
  public static Adapter adapter(SpecCase c, SubfilterJson json) {
    JsonNode a = c.adapter();
    switch (c.eventFormat()) {
      case "workfront":
        return new WorkfrontAdapter(json);
      case "mapping": {
        // hermetic: secrets only from the case, never from the environment
        JsonPathAdapter.Builder b = JsonPathAdapter.builder().limits(json.limits()).environment(name -> null);
        if (c.mapping().isTextual()) {
          b.shipped(c.mapping().textValue());
        } else {
          b.mapping(c.mapping().toString());
        }
        if (a != null && a.has("secrets")) {
          List<String> secrets = new ArrayList<>();
          a.get("secrets").forEach(s -> secrets.add(s.asText()));
          b.secrets(secrets);
        }
        if (a != null && a.has("now")) {
          b.clock(Clock.fixed(Instant.parse(a.get("now").asText()), ZoneOffset.UTC));
        }
        return b.build();
      }
      case "cmp":
        return CmpAdapter.create(json, a == null || !a.has("callbackSecret") ? null : a.get("callbackSecret").asText());
      default: {
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
    }
  }

  /** A case's headers in the form adapters take. */
  public static Map<String, List<String>> headers(SpecCase c) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (c.headers() != null) {
      for (Map.Entry<String, JsonNode> e : c.headers().properties()) {
        out.put(e.getKey(), List.of(e.getValue().asText()));
      }
    }
    return out;
  }
}
