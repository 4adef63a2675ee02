package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The Jackson mapper the CLI writes lines with, and how it describes Jackson errors and nodes. */
final class Jsons {
  /** Writes output lines: compact, one JSON document per line. */
  static final ObjectMapper OUT = JsonMapper.builder().build();

  private Jsons() {}

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
