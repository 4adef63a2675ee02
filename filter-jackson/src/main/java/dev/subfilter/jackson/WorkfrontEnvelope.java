package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The rules of a Workfront payload's envelope, in one place for its three readers (the tree reader
 * in {@link SubfilterJson}, {@link WorkfrontStreamReader} and {@code FastWorkfrontScanner}): the
 * member names, what {@code eventType} and {@code eventTime} must be, how a base64 state is decoded,
 * and how the event is built. Each check comes in the form its readers need: the tree reader, which
 * alone reports errors, gets the problem (an {@link InvalidEventException}); the streaming readers,
 * which hand anything invalid to the tree reader, only learn that it is not valid.
 */
final class WorkfrontEnvelope {
  static final String EVENT_TYPE = "eventType";
  static final String NEW_STATE = "newState";
  static final String OLD_STATE = "oldState";
  static final String EVENT_TIME = "eventTime";
  static final String EPOCH_SECOND = "epochSecond";
  static final String NANO = "nano";

  private WorkfrontEnvelope() {}

  /** Whether {@code type}, the text of a string {@code eventType}, is one a payload may carry: CREATE, UPDATE or DELETE. */
  static boolean validEventType(String type) {
    return EventNames.isCanonical(type);
  }

  /**
   * The payload's eventType.
   *
   * @param type the {@code eventType} member, or {@code null} when missing
   * @throws InvalidEventException when it is not one of CREATE, UPDATE, DELETE
   */
  static String eventType(JsonNode type) {
    if (type == null || !type.isTextual()) {
      throw invalid("/" + EVENT_TYPE, type == null ? "missing; expected CREATE, UPDATE or DELETE"
          : "expected a string such as \"UPDATE\", found " + Payloads.describe(type));
    }
    if (!validEventType(type.textValue())) {
      throw invalid("/" + EVENT_TYPE, "found " + Payloads.describe(type)
          + "; a Workfront payload's eventType is one of CREATE, UPDATE, DELETE (case-sensitive)");
    }
    return type.textValue();
  }

  /** The instant of {@code epochSecond} and {@code nano}, or {@code null} when they name none (nano out of 0..999,999,999, seconds out of range). */
  static Instant instant(long epochSecond, long nano) {
    if (nano < 0 || nano >= 1_000_000_000) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(epochSecond, nano);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The instant of an {@code eventTime} member: {@code {"epochSecond": integer, "nano":
   * 0..999999999}} ({@code nano} optional).
   *
   * @param report whether to throw the problem ({@code true}) or return {@code null} ({@code false})
   * @throws InvalidEventException when {@code report} and it is not of that form or out of range
   */
  static Instant eventTime(JsonNode time, boolean report) {
    JsonNode secs = time.get(EPOCH_SECOND);
    JsonNode nano = time.get(NANO);
    if (!time.isObject() || secs == null || !secs.canConvertToLong() || !secs.isIntegralNumber()
        || (nano != null && !(nano.isIntegralNumber() && nano.canConvertToInt()))) {
      return fail(report, "/" + EVENT_TIME, "expected {\"epochSecond\": integer, \"nano\": 0..999999999}, found " + Payloads.describe(time));
    }
    long n = nano == null ? 0 : nano.intValue();
    if (n < 0 || n >= 1_000_000_000) {
      return fail(report, "/" + EVENT_TIME, "expected {\"epochSecond\": integer, \"nano\": 0..999999999}, found " + Payloads.describe(time));
    }
    Instant t = instant(secs.longValue(), n);
    return t != null ? t : fail(report, "/" + EVENT_TIME + "/" + EPOCH_SECOND, "out of the range of an instant: " + secs);
  }

  /**
   * The bytes a string state holds (base64, as with {@code base64Encoding}; line breaks ignored).
   *
   * @param report whether to throw the problem ({@code true}) or return {@code null} ({@code false})
   * @throws InvalidEventException when {@code report} and it is not base64
   */
  static byte[] base64State(String text, String pointer, boolean report) {
    try {
      return Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
    } catch (IllegalArgumentException e) {
      return fail(report, pointer, "a string state must be base64 of a JSON object (base64Encoding), but it is not base64: " + e.getMessage());
    }
  }

  /**
   * The event of these parts.
   *
   * @param oldState {@code null} when unknown
   * @param time {@code null} when the payload carries none
   * @throws InvalidEventException when neither state names the object (see {@link Event#workfront})
   */
  static Event event(String type, JsonNode newState, JsonNode oldState, Instant time) {
    Event.Builder b = Event.workfront(JacksonModel.INSTANCE, type, newState, oldState);
    return (time == null ? b : b.eventTime(time)).build();
  }

  private static <T> T fail(boolean report, String pointer, String message) {
    if (report) {
      throw invalid(pointer, message);
    }
    return null;
  }

  private static InvalidEventException invalid(String pointer, String message) {
    return new InvalidEventException(new Problem(pointer, message));
  }
}
