package dev.subfilter;

import dev.subfilter.internal.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Warnings about valid subscriptions that will not do what they seem to: beside validation (which
 * says what is wrong), lint says what is suspicious. Without samples it finds contradictions (two
 * conditions on one field and state that no value satisfies together under AND), {@code oldState}
 * filters and {@code changed} where the old state is empty or never sent, duplicate subscriptions and
 * subscriptions another makes redundant; with sample events ({@link #addSample}) also fieldNames
 * absent from every sample of their objCode (with the nearest names seen) and eq, contains and
 * containsOnly filters that no sample's value satisfies (with the values seen). The library side of
 * {@code subfilter check --samples}.
 *
 * <pre>{@code
 * Lint lint = Lint.of(Mode.EXTENDED, subscriptionsById);
 * samples.forEach(lint::addSample);
 * for (Lint.Warning w : lint.warnings()) {
 *   System.out.println(w.id() + ":" + w.pointer() + ": " + w.code().token() + ": " + w.message());
 * }
 * }</pre>
 *
 * Every warning has a stable {@link Code} (its token does not change between versions), so a CI
 * can suppress the ones it accepts. Whether a filter can hold is decided by the compiled
 * conditions themselves, evaluated on the values that could satisfy the other (for an eq, the value
 * and the values eq takes as equal to it); number ranges by their bounds. Not thread-safe; no method
 * accepts {@code null}.
 */
public final class Lint {
  /** What a warning is about; {@link #token()} is stable. */
  public enum Code {
    /** Two conditions on one field and state under AND that no value satisfies together. */
    CONTRADICTION("contradiction"),
    /** An oldState filter or {@code changed} where the old state is {@code {}} (CREATE, 4me {@code *.create}, CMP {@code *_added}). */
    OLD_STATE_ON_CREATE("old-state-on-create"),
    /** An oldState filter or {@code changed} on events that carry no old state (4me, CMP; or no sample of the gate does). */
    OLD_STATE_NEVER_SENT("old-state-never-sent"),
    /** The same gate and filters as an earlier subscription. */
    DUPLICATE_SUBSCRIPTION("duplicate-subscription"),
    /** Every event it matches, an earlier subscription with the same url matches too (its filters are a subset). */
    REDUNDANT_SUBSCRIPTION("redundant-subscription"),
    /** A fieldName absent from every sample of the objCode. */
    UNKNOWN_FIELD("unknown-field"),
    /** An eq, contains or containsOnly filter that no sample's value satisfies. */
    VALUE_NEVER_SEEN("value-never-seen");

    private final String token;

    Code(String token) {
      this.token = token;
    }

    /**
     * The code as written in output and suppression lists.
     *
     * @return the token, e.g. {@code unknown-field}; never changes between versions
     */
    public String token() {
      return token;
    }

    /**
     * The code with this token.
     *
     * @param token a token, e.g. {@code unknown-field}
     * @return its code, or {@code null} when no code has it
     */
    public static Code fromToken(String token) {
      for (Code c : values()) {
        if (c.token.equals(token)) {
          return c;
        }
      }
      return null;
    }
  }

  /**
   * One warning.
   *
   * @param code what it is about
   * @param id the subscription's id
   * @param pointer a JSON Pointer into the subscription, e.g. {@code /filters/1/fieldName}; {@code ""} for all of it
   * @param message what was found and what to do, in words
   */
  public record Warning(Code code, String id, String pointer, String message) {
    /**
     * Checks every part is there.
     *
     * @param code: as the record component says
     * @param id: as the record component says
     * @param pointer: as the record component says
     * @param message: as the record component says
     * @throws NullPointerException when a part is {@code null}
     */
    public Warning {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(message, "message");
    }
  }

  private final Running<Event, List<Warning>> linter;

  private Lint(Running<Event, List<Warning>> linter) {
    this.linter = linter;
  }

  /**
   * A lint of these subscriptions.
   *
   * @param mode the mode they were read in ({@link Code#OLD_STATE_ON_CREATE} is an extended-mode warning:
   *     Workfront mode rejects such filters, but for {@code changed})
   * @param subscriptions by id, in the order warnings are given
   * @return a lint with no samples yet
   */
  public static Lint of(Mode mode, Map<String, Subscription> subscriptions) {
    Objects.requireNonNull(mode, "mode");
    Map<String, Subscription> copy = new LinkedHashMap<>();
    Objects.requireNonNull(subscriptions, "subscriptions")
        .forEach((id, s) -> copy.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(s, "subscription")));
    return new Lint(Running.of(Plan.lint(mode, copy)));
  }

  /**
   * Adds a sample event: its objCode's field names and values, and its gate's old state, are what
   * the sample warnings compare with. Costs one evaluation per distinct eq, contains and
   * containsOnly condition of its objCode.
   *
   * @param event a sample event
   */
  public void addSample(Event event) {
    linter.add(Objects.requireNonNull(event, "event"));
  }

  /**
   * Every warning, by subscription (in the order given) then pointer; the sample warnings only for
   * objCodes that some sample had.
   *
   * @return an unmodifiable list
   */
  public List<Warning> warnings() {
    return linter.result();
  }
}
