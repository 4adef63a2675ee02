package dev.subfilter.jackson;

import dev.subfilter.InvalidEventException;
import dev.subfilter.UnauthenticDeliveryException;
import java.util.List;
import java.util.Map;

/**
 * Turns one vendor's raw webhook delivery (body bytes and request headers) into a {@link
 * Delivery}. Authenticity is checked before anything in the body is used. Implementations are
 * immutable and thread-safe.
 */
public interface Adapter {

  /**
   * The vendor this adapter reads.
   *
   * @return {@code workfront}, {@code 4me} or {@code cmp}: the {@link dev.subfilter.Event#source()
   *     source} of the events it makes
   */
  String source();

  /**
   * Reads one delivery.
   *
   * @param body the HTTP request body, as received; not {@code null}
   * @param headers the request headers; names compare case-insensitively, the first value counts
   *     ({@link Headers#of} adapts a single-valued map)
   * @return the event, or the vendor's handshake; never {@code null}
   * @throws UnauthenticDeliveryException when a configured check (signature, claims, secret) fails
   * @throws InvalidEventException when the body is not JSON or not of the vendor's shape, with a
   *     JSON Pointer to what is wrong
   */
  Delivery read(byte[] body, Map<String, List<String>> headers);
}
