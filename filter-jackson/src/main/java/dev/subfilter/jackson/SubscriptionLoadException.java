package dev.subfilter.jackson;

import dev.subfilter.SubfilterException;

/**
 * Subscription files that could not all be loaded: {@link SubscriptionLoader.Result#orThrow()}
 * found problems or unreadable paths. The message starts with a one-line summary, then lists each
 * unreadable path ({@code file: reason}) and each problem ({@code file:/pointer: message}) on a
 * line of its own; {@link #result()} holds them, and the subscriptions that were valid.
 */
public final class SubscriptionLoadException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient SubscriptionLoader.Result result;

  SubscriptionLoadException(SubscriptionLoader.Result result) {
    super(result.describe());
    this.result = result;
  }

  /**
   * What was read: every problem and unreadable path, and the valid subscriptions.
   *
   * @return the result that was not valid; {@code null} after deserialization
   */
  public SubscriptionLoader.Result result() {
    return result;
  }
}
