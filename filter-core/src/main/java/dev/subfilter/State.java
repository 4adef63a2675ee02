package dev.subfilter;

/** Which state of the object a filter reads: {@code newState} (the default) or {@code oldState}. */
public enum State {
  NEW_STATE("newState"),
  OLD_STATE("oldState");

  private final String token;

  State(String token) {
    this.token = token;
  }

  /** The token as written in a subscription. */
  public String token() {
    return token;
  }

  /** The state with this exact token, or {@code null}. */
  public static State fromToken(String token) {
    for (State s : values()) {
      if (s.token.equals(token)) {
        return s;
      }
    }
    return null;
  }
}
