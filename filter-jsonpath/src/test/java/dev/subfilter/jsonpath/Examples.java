package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The committed vendor payloads (see {@code examples/SOURCES.md}), signing, and small helpers for the tests. */
final class Examples {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final SubfilterJson JSON = SubfilterJson.create();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Examples() {}

  /** The bytes of {@code examples/<path>}. */
  static byte[] body(String path) {
    try (InputStream in = Examples.class.getResourceAsStream("/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String path) {
    try {
      return MAPPER.readTree(body(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree of JSON text. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(Object node) {
    return (JsonNode) node;
  }

  /** A new random secret of {@code bytes} bytes, as printable text (base64). */
  static String secret(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Headers from name, value pairs. */
  static Map<String, List<String>> headers(String... nameValue) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      h.put(nameValue[i], List.of(nameValue[i + 1]));
    }
    return h;
  }

  static Event event(Delivery d) {
    return ((Delivery.Received) d).event();
  }

  static CompiledSubscription subscription(String json) {
    return JSON.readSubscription(json).compile();
  }

  /** A copy of the body with one byte changed, inside a JSON string so that it stays JSON. */
  static byte[] tampered(byte[] body) {
    byte[] copy = body.clone();
    String s = new String(copy, StandardCharsets.UTF_8);
    int at = s.indexOf("\"id\"");
    int i = at < 0 ? copy.length / 2 : s.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 1;
    copy[i] = (byte) (copy[i] == 'i' ? 'I' : 'i');
    return copy;
  }
}
