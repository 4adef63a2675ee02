package dev.subfilter.jackson;

import dev.subfilter.Event;
import java.util.Objects;

/**
 * What an {@link Adapter} makes of one webhook delivery: an {@link Received event} to match, or a
 * vendor {@link Handshake} the service must confirm. Rejections are exceptions, never a Delivery.
 * Immutable.
 */
public sealed interface Delivery {

  /**
   * A canonical event.
   *
   * @param event the event read from the delivery; not {@code null}
   */
  record Received(Event event) implements Delivery {
    /**
     * A delivery of {@code event}.
     *
     * @param event the event
     * @throws NullPointerException when {@code event} is {@code null}
     */
    public Received {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * Not an event: the vendor asks the receiver to prove it owns the URL (4me's {@code
   * webhook.verify}) by requesting {@code callbackUrl} (GET or POST) within its validity.
   *
   * @param source the vendor, as {@link Adapter#source()}; not {@code null}
   * @param callbackUrl the URL to request; not {@code null}
   */
  record Handshake(String source, String callbackUrl) implements Delivery {
    /**
     * A handshake asking for a request to {@code callbackUrl}.
     *
     * @param source the vendor
     * @param callbackUrl the URL to request
     * @throws NullPointerException when an argument is {@code null}
     */
    public Handshake {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(callbackUrl, "callbackUrl");
    }
  }
}
