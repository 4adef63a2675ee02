package dev.subfilter.jackson;

import dev.subfilter.Event;
import java.util.Objects;

/**
 * What an {@link Adapter} makes of one webhook delivery: an {@link Received event} to match, or a
 * vendor {@link Handshake} the service must confirm. Rejections are exceptions, never a Delivery.
 * Immutable.
 */
public sealed interface Delivery {

  /** A canonical event. */
  record Received(Event event) implements Delivery {
    public Received {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * Not an event: the vendor asks the receiver to prove it owns the URL (4me's {@code
   * webhook.verify}) by requesting {@code callbackUrl} (GET or POST) within its validity.
   */
  record Handshake(String source, String callbackUrl) implements Delivery {
    public Handshake {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(callbackUrl, "callbackUrl");
    }
  }
}
