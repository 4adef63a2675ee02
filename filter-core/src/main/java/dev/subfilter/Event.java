package dev.subfilter;

import dev.subfilter.internal.Numbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as every compiled subscription sees it, whichever vendor sent it: the gate values and
 * the object's new and old state as nodes of a {@link JsonModel}. Immutable and thread-safe as
 * long as the state documents are not modified.
 *
 * <p>{@link #oldState()} is {@code null} when the old state is <em>unknown</em> (the vendor sent
 * none): then filters on {@code oldState} and {@code changed} do not match. A known empty old
 * state, as on CREATE, is an empty object.
 */
public final class Event {
  /** The longest numeric object ID, written out, that {@link #workfront} accepts. */
  static final int MAX_ID_LENGTH = 1_000;

  private final String source;
  private final String name;
  private final String objCode;
  private final String eventType;
  private final String objId;
  private final JsonModel model;
  private final Object newState;
  private final Object oldState;
  private final Instant eventTime;
  private final String deliveryId;

  private Event(Builder b) {
    this.source = require(b.source, "source");
    this.eventType = require(b.eventType, "eventType");
    this.name = b.name == null ? b.eventType : b.name;
    this.objCode = require(b.objCode, "objCode");
    this.objId = b.objId;
    this.model = Objects.requireNonNull(b.model, "model");
    this.newState = Objects.requireNonNull(b.newState, "newState");
    if (model.kind(newState) != JsonModel.Kind.OBJECT) {
      throw new IllegalArgumentException("newState must be an object, was " + model.kind(newState));
    }
    if (b.oldState != null && model.kind(b.oldState) != JsonModel.Kind.OBJECT) {
      throw new IllegalArgumentException("oldState must be an object or null (unknown), was " + model.kind(b.oldState));
    }
    this.oldState = b.oldState;
    this.eventTime = b.eventTime;
    this.deliveryId = b.deliveryId;
  }

  /**
   * A builder whose states are nodes of {@code model}.
   *
   * @param model the model the states are nodes of; not {@code null}
   * @return a new builder with source {@code workfront} and nothing else set
   * @throws NullPointerException if {@code model} is {@code null}
   */
  public static Builder builder(JsonModel model) {
    return new Builder(Objects.requireNonNull(model, "model"));
  }

  /**
   * A Workfront event from its states: objCode is newState.objCode, else oldState.objCode; objId is
   * newState.ID, else oldState.ID, as text (a number written out plainly, e.g. {@code 1200} for
   * {@code 1.2E3}); an ID of another JSON type is left out. The states are not checked here: the
   * returned builder's {@link Builder#build} checks them.
   *
   * @param model the model the states are nodes of; not {@code null}
   * @param eventType {@code CREATE}, {@code UPDATE} or {@code DELETE}, as Workfront sends it; not
   *     checked here ({@link Builder#build} refuses {@code null} or empty)
   * @param newState the new state, an object node of {@code model}
   * @param oldState the old state, or {@code null} when unknown
   * @return a builder holding all of it, to which the caller may add eventTime and deliveryId
   * @throws InvalidEventException when the objCode found (newState's, else oldState's) is not a
   *     non-empty string (pointer {@code /newState/objCode}), or when the ID is a number longer than 1,000 characters written
   *     out (pointer {@code /newState/ID})
   */
  public static Builder workfront(JsonModel model, String eventType, Object newState, Object oldState) {
    Object code = codeOf(model, newState, oldState, "objCode");
    if (code == null || model.kind(code) != JsonModel.Kind.STRING || model.text(code).isEmpty()) {
      throw new InvalidEventException(new Problem("/newState/objCode",
          "missing; a Workfront state carries its objCode (in newState, or in oldState for a DELETE)"));
    }
    Object id = codeOf(model, newState, oldState, "ID");
    String objId = null;
    if (id != null) {
      JsonModel.Kind k = model.kind(id);
      if (k == JsonModel.Kind.STRING) {
        objId = model.text(id);
      } else if (k == JsonModel.Kind.NUMBER) {
        BigDecimal d = model.decimalValue(id);
        if (Numbers.plainLength(d) > MAX_ID_LENGTH) {
          throw new InvalidEventException(new Problem("/newState/ID",
              "the number " + d + " is longer than " + MAX_ID_LENGTH + " characters written out; not an object ID"));
        }
        objId = Numbers.plain(d, MAX_ID_LENGTH);
      }
    }
    return builder(model).source("workfront").eventType(eventType).objCode(model.text(code)).objId(objId)
        .newState(newState).oldState(oldState);
  }

  private static Object codeOf(JsonModel model, Object newState, Object oldState, String key) {
    Object v = model.get(newState, key);
    if ((v == null || model.kind(v) == JsonModel.Kind.NULL) && oldState != null) {
      v = model.get(oldState, key);
    }
    return v == null || model.kind(v) == JsonModel.Kind.NULL ? null : v;
  }

  private static String require(String v, String name) {
    Objects.requireNonNull(v, name);
    if (v.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return v;
  }

  /**
   * Who sent it: {@code workfront}, {@code 4me}, {@code cmp}, or a name of the caller's.
   *
   * @return the source; never {@code null} nor empty
   */
  public String source() {
    return source;
  }

  /**
   * The vendor's own event name; for Workfront the eventType.
   *
   * @return the name, e.g. {@code task.status-changed}; the eventType when none was given; never
   *     {@code null}
   */
  public String name() {
    return name;
  }

  /**
   * The object's type code, which a subscription's {@code objCode} must equal exactly.
   *
   * @return the code, e.g. {@code TASK} or {@code PROJECT_TASK}; never {@code null} nor empty
   */
  public String objCode() {
    return objCode;
  }

  /**
   * {@code CREATE}, {@code UPDATE} or {@code DELETE}.
   *
   * @return the event type; never {@code null} nor empty (the adapters give one of the three; an
   *     event built by hand holds whatever its builder was given)
   */
  public String eventType() {
    return eventType;
  }

  /**
   * The object's ID as text, or {@code null} when the event carries none.
   *
   * @return the ID, or {@code null}
   */
  public String objId() {
    return objId;
  }

  /**
   * The model the states are nodes of.
   *
   * @return the model; never {@code null}
   */
  public JsonModel model() {
    return model;
  }

  /**
   * The new state: an object node of {@link #model()}.
   *
   * @return the new state; never {@code null}
   */
  public Object newState() {
    return newState;
  }

  /**
   * The old state, or {@code null} when unknown.
   *
   * @return an object node of {@link #model()} (empty on CREATE), or {@code null} when unknown
   */
  public Object oldState() {
    return oldState;
  }

  /**
   * Whether the old state is known (possibly empty).
   *
   * @return {@code true} when {@link #oldState()} is not {@code null}
   */
  public boolean hasOldState() {
    return oldState != null;
  }

  /**
   * When it happened, or {@code null} when the vendor sends no time.
   *
   * @return the time, or {@code null}
   */
  public Instant eventTime() {
    return eventTime;
  }

  /**
   * The vendor's delivery ID, or {@code null}.
   *
   * @return the ID, or {@code null} when the delivery carries none
   */
  public String deliveryId() {
    return deliveryId;
  }

  @Override
  public String toString() {
    return "Event[" + source + " " + name + " " + objCode + " " + eventType + (objId == null ? "" : " " + objId) + "]";
  }

  /** Builds an {@link Event}; not thread-safe. */
  public static final class Builder {
    private final JsonModel model;
    private String source = "workfront";
    private String name;
    private String objCode;
    private String eventType;
    private String objId;
    private Object newState;
    private Object oldState;
    private Instant eventTime;
    private String deliveryId;

    private Builder(JsonModel model) {
      this.model = model;
    }

    /**
     * Who sent it; {@code workfront} unless set.
     *
     * @param v the source; {@link #build} refuses {@code null} or empty
     * @return this builder
     */
    public Builder source(String v) {
      source = v;
      return this;
    }

    /**
     * The vendor's own event name.
     *
     * @param v the name, or {@code null} (the default) for the eventType
     * @return this builder
     */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /**
     * The object's type code.
     *
     * @param v the code, e.g. {@code TASK}; {@link #build} refuses {@code null} or empty
     * @return this builder
     */
    public Builder objCode(String v) {
      objCode = v;
      return this;
    }

    /**
     * The event type.
     *
     * @param v {@code CREATE}, {@code UPDATE} or {@code DELETE}; {@link #build} refuses {@code null}
     *     or empty
     * @return this builder
     */
    public Builder eventType(String v) {
      eventType = v;
      return this;
    }

    /**
     * The object's ID.
     *
     * @param v the ID as text, or {@code null} (the default) when there is none
     * @return this builder
     */
    public Builder objId(String v) {
      objId = v;
      return this;
    }

    /**
     * The new state.
     *
     * @param v an object node of the builder's model; {@link #build} refuses {@code null} or another
     *     kind
     * @return this builder
     */
    public Builder newState(Object v) {
      newState = v;
      return this;
    }

    /**
     * The old state, or {@code null} (the default) when unknown.
     *
     * @param v an object node of the builder's model (empty when the object is new), or {@code null}
     *     when unknown; {@link #build} refuses another kind
     * @return this builder
     */
    public Builder oldState(Object v) {
      oldState = v;
      return this;
    }

    /**
     * When it happened.
     *
     * @param v the time, or {@code null} (the default) when unknown
     * @return this builder
     */
    public Builder eventTime(Instant v) {
      eventTime = v;
      return this;
    }

    /**
     * The vendor's delivery ID.
     *
     * @param v the ID, or {@code null} (the default)
     * @return this builder
     */
    public Builder deliveryId(String v) {
      deliveryId = v;
      return this;
    }

    /**
     * The event; the builder may be changed and built again afterwards.
     *
     * @return a new event holding what was set
     * @throws NullPointerException when source, eventType, objCode or newState is missing
     * @throws IllegalArgumentException when source, eventType or objCode is empty, or a state is
     *     not an object
     */
    public Event build() {
      return new Event(this);
    }
  }
}
