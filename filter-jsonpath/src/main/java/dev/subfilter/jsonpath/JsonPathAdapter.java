package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Limits;
import dev.subfilter.Problem;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JacksonModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An {@link Adapter} declared by a mapping file: JSONPaths (Jayway's syntax), headers, constants
 * and templates say where each part of the canonical {@link Event} comes from, and a {@code verify}
 * section how the vendor signs. Mappings for {@code github}, {@code gitlab}, {@code jira}, {@code
 * stripe} and {@code standard-webhooks} are shipped ({@link #shipped}); the format is in the README
 * and in {@link #mappingSchema()}.
 *
 * <pre>{@code
 * JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(webhookSecret).build();
 * Delivery d = github.read(body, headers);   // signature checked first, then the body read
 * }</pre>
 *
 * <p>The mapping is compiled once: every JSONPath, template and pattern is parsed when it is
 * loaded, and every problem of the file is reported at once ({@link InvalidMappingException}, each
 * with a JSON Pointer into the mapping). Signatures are checked exactly when a secret is configured
 * (given to the builder, or found in the environment variable the mapping's {@code
 * verify.secretEnv} names): see {@link #verifies()}. Rejections are {@link
 * UnauthenticDeliveryException}s with the existing reasons; a body the mapping cannot read is an
 * {@link InvalidEventException} naming the part and where it was looked for. Immutable and
 * thread-safe.
 */
public final class JsonPathAdapter implements Adapter {
  private static final List<String> SHIPPED = List.of("github", "gitlab", "jira", "stripe", "standard-webhooks");

  private final Mapping mapping;
  private final Json json;
  private final Verifier verifier;

  private JsonPathAdapter(Mapping mapping, Json json, Verifier verifier) {
    this.mapping = mapping;
    this.json = json;
    this.verifier = verifier;
  }

  /**
   * The adapter of a mapping file; its secret, if any, from the environment variable the mapping
   * names (see {@link Builder#secret} to give it instead).
   *
   * @param mappingJson the mapping, strict JSON; not {@code null}
   * @return the adapter
   * @throws InvalidMappingException with every problem of the mapping
   * @throws IllegalArgumentException when the environment's secret is not in the mapping's secretEncoding
   */
  public static JsonPathAdapter from(String mappingJson) {
    return builder().mapping(mappingJson).build();
  }

  /**
   * A shipped mapping's adapter; its secret, if any, from the environment variable it names
   * ({@code GITHUB_WEBHOOK_SECRET}, ...).
   *
   * @param name one of {@link #shippedNames()}
   * @return the adapter
   * @throws IllegalArgumentException for an unknown name
   */
  public static JsonPathAdapter shipped(String name) {
    return builder().shipped(name).build();
  }

  /**
   * Configures an adapter: its mapping, secrets, clock and limits.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The names of the shipped mappings.
   *
   * @return {@code github}, {@code gitlab}, {@code jira}, {@code stripe}, {@code standard-webhooks}
   */
  public static List<String> shippedNames() {
    return SHIPPED;
  }

  /**
   * A shipped mapping's text, to read or to copy and adapt.
   *
   * @param name one of {@link #shippedNames()}
   * @return the mapping file
   * @throws IllegalArgumentException for an unknown name
   */
  public static String shippedMapping(String name) {
    if (!SHIPPED.contains(Objects.requireNonNull(name, "name"))) {
      throw new IllegalArgumentException("no shipped mapping \"" + name + "\"; the shipped ones are " + String.join(", ", SHIPPED));
    }
    return resource("mappings/" + name + ".json");
  }

  /**
   * The JSON Schema (draft 2020-12) of the mapping format, for editors and validators. The reader
   * checks more than a schema can (JSONPath and pattern syntax, template placeholders).
   *
   * @return the schema document
   */
  public static String mappingSchema() {
    return resource("mapping.schema.json");
  }

  private static String resource(String name) {
    try (InputStream in = JsonPathAdapter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " of filter-jsonpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mapping's {@code source}, e.g. {@code github}: the source of the events it makes. */
  @Override
  public String source() {
    return mapping.source();
  }

  /**
   * Whether deliveries are verified: the mapping declares a check and a secret was configured.
   * Without one every well-formed body is accepted; a service may insist on {@code verifies()} at
   * start-up.
   *
   * @return true when {@link #read} checks signatures or the shared secret
   */
  public boolean verifies() {
    return verifier != null;
  }

  /**
   * Verifies the delivery (when {@link #verifies()}), then reads the body with the mapping: the
   * objCode, eventType (CREATE, UPDATE or DELETE), newState (an object) are required; the name
   * defaults to the eventType; the oldState is {@code {}} on CREATE, else the mapping's, else
   * unknown.
   *
   * @param body the request body, as received; not {@code null}
   * @param headers the request headers; names compare case-insensitively, the first value counts
   * @return the event, as {@link Delivery.Received}
   * @throws UnauthenticDeliveryException when verification fails
   * @throws InvalidEventException when the body is not JSON or the mapping finds no valid value
   *     for a required part, with where it looked
   */
  @Override
  public Delivery read(byte[] body, Map<String, List<String>> headers) {
    Objects.requireNonNull(body, "body");
    if (verifier != null) {
      verifier.verify(body, headers);
    }
    JsonNode root;
    try {
      root = json.read(body);
    } catch (Json.Unreadable e) {
      throw new InvalidEventException(new Problem("", e.getMessage()), e.getCause());
    }
    Value.Input in = new Value.Input(root, headers);
    String objCode = text(mapping.objCode(), in, "objCode", true);
    if (objCode.isEmpty()) {
      throw invalid(mapping.objCode(), "objCode: " + mapping.objCode().describe() + " gives an empty string; an objCode is not empty");
    }
    String type = text(mapping.eventType(), in, "eventType", true);
    if (!EventNames.isCanonical(type)) {
      throw invalid(mapping.eventType(), "eventType: " + mapping.eventType().describe() + " gives \"" + type
          + "\", not CREATE, UPDATE or DELETE; map the vendor's values with the mapping's map and default");
    }
    String name = text(mapping.name(), in, "name", false);
    JsonNode newState = mapping.newState().eval(in);
    if (newState == null || !newState.isObject()) {
      throw invalid(mapping.newState(), "newState: " + mapping.newState().describe() + " gives " + Texts.describe(newState)
          + "; the new state is an object");
    }
    in.newState = newState;
    JsonNode oldState = null;
    if (type.equals("CREATE")) {
      oldState = json.mapper.createObjectNode();
    } else if (mapping.oldState() != null) {
      oldState = mapping.oldState().eval(in);
      if (oldState != null && !oldState.isObject()) {
        throw invalid(mapping.oldState(), "oldState: " + mapping.oldState().describe() + " gives " + Texts.describe(oldState)
            + "; an old state is an object (or missing: unknown)");
      }
    }
    Instant time = null;
    if (mapping.eventTime() != null) {
      JsonNode t = mapping.eventTime().eval(in);
      if (t != null) {
        time = mapping.timeFormat().read(t);
        if (time == null) {
          throw invalid(mapping.eventTime(), "eventTime: " + mapping.eventTime().describe() + " gives " + Texts.describe(t) + ", not an "
              + mapping.timeFormat().label + " time");
        }
      }
    }
    Event event = Event.builder(JacksonModel.INSTANCE).source(mapping.source()).name(name).eventType(type).objCode(objCode)
        .objId(text(mapping.objId(), in, "objId", false)).newState(newState).oldState(oldState).eventTime(time)
        .deliveryId(text(mapping.deliveryId(), in, "deliveryId", false)).build();
    return new Delivery.Received(event);
  }

  /** A part's text: missing is {@code null} (or a problem when required); a non-scalar is a problem. */
  private static String text(Value v, Value.Input in, String part, boolean required) {
    if (v == null) {
      return null;
    }
    JsonNode n = v.eval(in);
    if (n == null) {
      if (required) {
        throw invalid(v, part + ": " + v.describe() + " gives nothing; the event needs its " + part);
      }
      return null;
    }
    String s = Texts.scalar(n);
    if (s == null) {
      throw invalid(v, part + ": " + v.describe() + " gives " + Texts.describe(n) + "; expected a string or a number");
    }
    return s;
  }

  private static InvalidEventException invalid(Value v, String message) {
    return new InvalidEventException(new Problem(v.pointer(), message));
  }

  @Override
  public String toString() {
    return "JsonPathAdapter[" + mapping.source() + (verifier == null ? "" : ", verified") + "]";
  }

  /** Configures a {@link JsonPathAdapter}; not thread-safe. */
  public static final class Builder {
    private String mappingJson;
    private String shippedName;
    private final List<String> secrets = new ArrayList<>();
    private Function<String, String> environment = System::getenv;
    private Clock clock = Clock.systemUTC();
    private Limits limits = Limits.DEFAULTS;

    private Builder() {}

    /**
     * The mapping file's text.
     *
     * @param json strict JSON; not {@code null}
     * @return this builder
     */
    public Builder mapping(String json) {
      mappingJson = Objects.requireNonNull(json, "json");
      shippedName = null;
      return this;
    }

    /**
     * A shipped mapping, by name.
     *
     * @param name one of {@link JsonPathAdapter#shippedNames()}
     * @return this builder
     * @throws IllegalArgumentException for an unknown name
     */
    public Builder shipped(String name) {
      mappingJson = shippedMapping(name);
      shippedName = name;
      return this;
    }

    /**
     * A secret to verify with, written as the mapping's {@code secretEncoding} says (text, or
     * base64 with an optional {@code whsec_}). Call it again for each secret accepted during a
     * rotation. Given secrets replace the environment's.
     *
     * @param secret not {@code null} nor empty
     * @return this builder
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("a secret must not be empty");
      }
      secrets.add(secret);
      return this;
    }

    /**
     * Several secrets; see {@link #secret}.
     *
     * @param all not {@code null}; each not empty
     * @return this builder
     */
    public Builder secrets(Collection<String> all) {
      all.forEach(this::secret);
      return this;
    }

    /**
     * Where the variables the mapping's {@code verify.secretEnv} names are looked up, when no
     * secret is given; {@code System::getenv} by default.
     *
     * @param lookup a variable's value by name, or {@code null} when unset
     * @return this builder
     */
    public Builder environment(Function<String, String> lookup) {
      environment = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * The clock timestamps are checked against; the system's by default.
     *
     * @param v not {@code null}
     * @return this builder
     */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /**
     * The limits on bodies read (document size, nesting); {@link Limits#DEFAULTS} by default.
     *
     * @param v not {@code null}
     * @return this builder
     */
    public Builder limits(Limits v) {
      limits = Objects.requireNonNull(v, "limits");
      return this;
    }

    /**
     * Compiles the mapping.
     *
     * @return the adapter
     * @throws IllegalStateException when no mapping was given
     * @throws InvalidMappingException with every problem of the mapping
     * @throws IllegalArgumentException when secrets are given to a mapping without {@code verify},
     *     or a secret is not in the mapping's secretEncoding
     */
    public JsonPathAdapter build() {
      if (mappingJson == null) {
        throw new IllegalStateException("no mapping: call mapping(json) or shipped(name)");
      }
      Json json = new Json(limits);
      JsonNode root;
      try {
        root = json.read(mappingJson.getBytes(StandardCharsets.UTF_8));
      } catch (Json.Unreadable e) {
        throw new InvalidMappingException(List.of(new Problem("", e.getMessage())));
      }
      Mapping m = MappingReader.read(root, json);
      Verifier.Spec spec = m.verify();
      List<String> given = new ArrayList<>(secrets);
      if (spec == null) {
        if (!given.isEmpty()) {
          throw new IllegalArgumentException("the " + m.source() + " mapping has no verify section, so secrets cannot be used");
        }
        return new JsonPathAdapter(m, json, null);
      }
      String from = "the builder";
      if (given.isEmpty()) {
        for (String name : spec.secretEnv()) {
          String v = environment.apply(name);
          if (v != null && !v.isEmpty()) {
            given.add(v);
            from = "environment variable " + name;
          }
        }
      }
      if (given.isEmpty()) {
        return new JsonPathAdapter(m, json, null);
      }
      List<byte[]> keys = new ArrayList<>();
      for (String s : given) {
        keys.add(key(s, spec.secretEncoding(), from));
      }
      return new JsonPathAdapter(m, json, Verifier.of(spec, keys, clock, shippedName != null ? shippedName : m.source()));
    }

    private static byte[] key(String secret, Verifier.SecretEncoding encoding, String from) {
      if (encoding == Verifier.SecretEncoding.TEXT) {
        return secret.getBytes(StandardCharsets.UTF_8);
      }
      String b64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
      byte[] key;
      try {
        key = Base64.getDecoder().decode(b64.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the secret from " + from + " is not base64 (optionally after whsec_), as the mapping's "
            + "secretEncoding says: " + e.getMessage(), e);
      }
      if (key.length == 0) {
        throw new IllegalArgumentException("the secret from " + from + " decodes to no bytes");
      }
      return key;
    }
  }
}
