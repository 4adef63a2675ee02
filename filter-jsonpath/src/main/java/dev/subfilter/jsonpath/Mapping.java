package dev.subfilter.jsonpath;

/**
 * A compiled mapping file: where each part of the canonical event comes from, and how the vendor
 * signs. Optional parts are {@code null}. Immutable.
 *
 * @param timeFormat how {@code eventTime} is read; {@code null} exactly when eventTime is
 * @param verify the declared check, or {@code null} when the mapping declares none
 */
record Mapping(String source, Value objCode, Value eventType, Value name, Value objId, Value newState, Value oldState,
    Value eventTime, Times timeFormat, Value deliveryId, Verifier.Spec verify) {}
