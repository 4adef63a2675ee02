package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.subfilter.Limits;
import java.io.IOException;

/** The Jackson mappers the CLI reads files and writes lines with. */
final class Jsons {
  /** Writes output lines: compact, one JSON document per line. */
  static final ObjectMapper OUT = JsonMapper.builder().build();

  /** A file of many subscriptions may be larger than one subscription document may be. */
  private static final int MAX_FILE_BYTES = 1 << 30;

  private Jsons() {}

  /**
   * Reads subscription files and spec files: duplicate keys and trailing content are errors,
   * numbers exact; {@code lenient} adds single quotes, trailing commas, comments and unquoted names.
   */
  @SuppressWarnings("deprecation") // withExactBigDecimals: as SubfilterJson reads, numbers exactly as written
  static ObjectMapper reader(Limits limits, boolean lenient) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(MAX_FILE_BYTES)
            .maxNestingDepth(limits.maxJsonDepth() + 2)
            .build())
        .build();
    JsonMapper.Builder b = JsonMapper.builder(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    if (lenient) {
      b.enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES);
    }
    return b.build();
  }

  /** Jackson's message without its source excerpt, with the line and column. */
  static String error(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation loc = j.getLocation();
      String where = loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      return String.valueOf(j.getOriginalMessage()).replace('\n', ' ') + where;
    }
    return String.valueOf(e.getMessage());
  }

  /** "a string", "an array", ... */
  static String describe(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
