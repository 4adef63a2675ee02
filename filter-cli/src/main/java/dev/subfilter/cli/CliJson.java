package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subfilter.Limits;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;

/** The Jackson mappers the CLI reads files and writes lines with, and how it words Jackson's errors. */
final class CliJson {
  /** Writes output lines: compact, one JSON document per line. */
  static final ObjectMapper OUT = JsonMapper.builder().build();

  /** A file of many subscriptions (or a spec file) may be larger than one subscription document may be. */
  private static final int MAX_FILE_BYTES = 1 << 30;

  private CliJson() {}

  /**
   * Reads subscription files and spec files as {@link SubfilterJson#objectMapper} configures it,
   * with room for what a file holds around its documents: a GiB in all, and two more levels of
   * nesting (an array of subscriptions, a spec case around one).
   */
  static ObjectMapper reader(Limits limits, boolean lenient) {
    Limits files = limits.withMaxDocumentBytes(MAX_FILE_BYTES).withMaxJsonDepth(Math.min(Limits.MAX_DEPTH, limits.maxJsonDepth() + 2));
    return SubfilterJson.objectMapper(files, lenient);
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
