package dev.subfilter;

/** Which state of the object a filter reads: {@code newState} (the default) or {@code oldState}. */
public enum State {
  /** The object after the change ({@code newState}); the default. */
  NEW_STATE("newState"),
  /**
   * The object before the change ({@code oldState}): empty on a CREATE event; a filter on it does
   * not match when the event's old state is unknown ({@link Event#oldState()} {@code null}).
   */
  OLD_STATE("oldState");

  private final String token;

  State(String token) {
    this.token = token;
  }

  /**
   * The token as written in a subscription.
   *
   * @return {@code "newState"} or {@code "oldState"}; never {@code null}
   */
  public String token() {
    return token;
  }

  /**
   * The state with this exact token, or {@code null}.
   *
   * @param token the token as written in a subscription, case-sensitive; may be {@code null}
   * @return the state, or {@code null} if no state has this token (or it is {@code null})
   */
  public static State fromToken(String token) {
    for (State s : values()) {
      if (s.token.equals(token)) {
        return s;
      }
    }
    return null;
  }
}
