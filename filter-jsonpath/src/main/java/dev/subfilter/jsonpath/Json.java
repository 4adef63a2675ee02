package dev.subfilter.jsonpath;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.subfilter.Limits;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;

/**
 * One strict Jackson reader for mapping files and delivery bodies, within {@link Limits} (as
 * filter-jackson's {@code SubfilterJson} reads: duplicate keys and trailing content are errors,
 * numbers exact), and the Jayway configuration that evaluates JSONPaths on its trees. Immutable.
 */
final class Json {
  final Limits limits;
  final ObjectMapper mapper;
  final Configuration jsonPath;

  Json(Limits limits) {
    this.limits = limits;
    this.mapper = SubfilterJson.objectMapper(limits, false);
    this.jsonPath = Configuration.builder()
        .jsonProvider(new JacksonJsonNodeJsonProvider(mapper))
        .mappingProvider(new JacksonMappingProvider(mapper))
        .options(Option.SUPPRESS_EXCEPTIONS)
        .build();
  }

  /** Thrown by {@link #read} with a message saying what is wrong, without the JSON Pointer (always the root). */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /** The tree of a JSON document. */
  JsonNode read(byte[] bytes) throws Unreadable {
    try {
      JsonNode n = mapper.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new Unreadable("empty; expected a JSON document", null);
      }
      return n;
    } catch (StreamConstraintsException e) {
      throw new Unreadable(SubfilterJson.limitMessage(e), e); // the Limits setting to raise, where there is one
    } catch (IOException e) {
      String where = "";
      if (e instanceof JsonProcessingException j) {
        JsonLocation loc = j.getLocation();
        where = loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        throw new Unreadable("not valid JSON: " + String.valueOf(j.getOriginalMessage()).replace('\n', ' ') + where, e);
      }
      throw new Unreadable("not valid JSON: " + e.getMessage(), e);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Unreadable("a number out of range (its exponent must fit 32 bits)", e);
    }
  }
}
