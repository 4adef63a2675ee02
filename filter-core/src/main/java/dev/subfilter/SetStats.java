package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link SubscriptionSet} costs: where its subscriptions are indexed, which are evaluated
 * for every event of their gate and why, the distinct keys of each indexed field, a retained heap
 * estimate and, with sample events, how many candidates an event costs and which subscriptions are
 * evaluated most without matching. Made by {@link SubscriptionSet#stats()} and {@link
 * SubscriptionSet#stats(Iterable)}; immutable and thread-safe.
 *
 * <p>The two figures a CI guard reads are {@link #candidatesPerEvent()} and {@link
 * #evaluatedForEveryEvent()}.
 *
 * @param subscriptions the number of subscriptions
 * @param pinned those indexed by the objId they follow
 * @param eq those listed under one eq value (an {@code in} of one value included)
 * @param contains those listed under one text of the other structures: a contains text, a
 *     startsWith prefix, an endsWith suffix, a like pattern's literal run, or a field's presence
 * @param severalLists those listed under several lists (an OR under each branch, or a key inside
 *     an {@code objects} array)
 * @param unindexed the subscriptions evaluated for every event of their gate, in insertion order,
 *     each with the filter that keeps it from being indexed
 * @param fields per gate and indexed (state, path): its distinct keys and the subscriptions listed
 * @param retainedBytesEstimate a rough estimate (within a factor of two) of the heap the set keeps:
 *     parsed and compiled subscriptions and the index
 * @param warnings what to look at, in words: a gate that gathers {@link #MANY_UNINDEXED} or more
 *     unindexed subscriptions
 * @param samples what matching the sample events cost, or {@code null} without samples
 * @param loose those listed under one listing of the structures for subscriptions with nothing
 *     selective: a range of numbers or date-times, a field's change, a field's absence (a field's
 *     presence, for {@code ne} and {@code exists}, counts in {@code contains})
 */
public record SetStats(int subscriptions, int pinned, int eq, int contains, int severalLists, List<Unindexed> unindexed,
    List<IndexedField> fields, long retainedBytesEstimate, List<String> warnings, Samples samples, int loose) {

  /** From this many unindexed subscriptions in one gate on, {@link #warnings()} names the gate. */
  public static final int MANY_UNINDEXED = 100;

  /**
   * Copies the lists.
   *
   * @param subscriptions: as the record component says
   * @param pinned: as the record component says
   * @param eq: as the record component says
   * @param contains: as the record component says
   * @param severalLists: as the record component says
   * @param unindexed: as the record component says
   * @param fields: as the record component says
   * @param retainedBytesEstimate: as the record component says
   * @param warnings: as the record component says
   * @param samples: as the record component says
   * @param loose: as the record component says
   * @throws NullPointerException when a list or one of its elements is {@code null}
   */
  public SetStats {
    unindexed = List.copyOf(unindexed);
    fields = List.copyOf(fields);
    warnings = List.copyOf(warnings);
  }

  /**
   * The number of subscriptions evaluated for every event of their gate (the fallback lists).
   *
   * @return the size of {@link #unindexed()}
   */
  public int evaluatedForEveryEvent() {
    return unindexed.size();
  }

  /**
   * The mean number of subscriptions evaluated per sample event (index candidates and fallback
   * lists together).
   *
   * @return the mean, or {@link Double#NaN} without samples (or with none)
   */
  public double candidatesPerEvent() {
    return samples == null || samples.events() == 0 ? Double.NaN : samples.candidates() / (double) samples.events();
  }

  /**
   * A subscription with nothing to index.
   *
   * @param id its id
   * @param gate its gate, e.g. {@code TASK UPDATE}
   * @param pointer the filter (or group, or {@code /filters}) that keeps it from being indexed
   * @param reason why, in words
   */
  public record Unindexed(String id, String gate, String pointer, String reason) {
    /**
     * Checks every part is there.
     *
     * @param id: as the record component says
     * @param gate: as the record component says
     * @param pointer: as the record component says
     * @param reason: as the record component says
     * @throws NullPointerException when a part is {@code null}
     */
    public Unindexed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * One indexed (state, path) of a gate.
   *
   * @param gate e.g. {@code TASK UPDATE}
   * @param kind {@code eq}, {@code contains}, {@code prefix}, {@code suffix}, {@code substring}, {@code present},
   *     {@code range}, {@code changed} or {@code absent} (with {@code " ignoreCase"} when folded)
   * @param state {@code newState} or {@code oldState}
   * @param path the field, or a path below it ({@code data → customerID}, {@code options[] → projectID})
   * @param keys its distinct eq values or contains texts
   * @param subscriptions the listings under it
   */
  public record IndexedField(String gate, String kind, String state, String path, int keys, int subscriptions) {}

  /**
   * What matching the samples cost.
   *
   * @param events sample events matched
   * @param candidates subscriptions evaluated in all
   * @param matches matches found in all
   * @param byList candidates by where they came from: {@code pinned}, {@code eq}, {@code contains}, {@code fallback},
   *     then, where any came from them, {@code range}, {@code changed}, {@code absent}
   * @param mostEvaluatedWithoutMatch the subscriptions evaluated most often without matching, worst
   *     first (at most ten)
   */
  public record Samples(long events, long candidates, long matches, Map<String, Long> byList, List<Evaluated> mostEvaluatedWithoutMatch) {
    /**
     * Copies the map and the list.
     *
     * @param events: as the record component says
     * @param candidates: as the record component says
     * @param matches: as the record component says
     * @param byList: as the record component says
     * @param mostEvaluatedWithoutMatch: as the record component says
     * @throws NullPointerException when either, or an element, is {@code null}
     */
    public Samples {
      byList = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byList));
      mostEvaluatedWithoutMatch = List.copyOf(mostEvaluatedWithoutMatch);
    }

    /** @return the mean matches per sample event, or NaN without events */
    public double matchesPerEvent() {
      return events == 0 ? Double.NaN : matches / (double) events;
    }
  }

  /**
   * How often a subscription was evaluated for the samples.
   *
   * @param id its id
   * @param evaluated how often it was a candidate
   * @param matched how often it matched
   */
  public record Evaluated(String id, long evaluated, long matched) {}

  /**
   * As JSON, with the two guard figures at the top: {@code {"subscriptions", "evaluatedForEveryEvent",
   * "candidatesPerEvent" (null without samples), "pinned", "eq", "contains", "severalLists", "loose",
   * "unindexed": [...], "fields": [...], "retainedBytesEstimate", "warnings", "samples"}}.
   *
   * @return the statistics as a JSON object
   */
  public JsonValue.Obj toJson() {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("subscriptions", JsonValue.of(subscriptions));
    m.put("evaluatedForEveryEvent", JsonValue.of(evaluatedForEveryEvent()));
    double c = candidatesPerEvent();
    m.put("candidatesPerEvent", Double.isNaN(c) ? JsonValue.NULL : new JsonValue.Num(java.math.BigDecimal.valueOf(Math.round(c * 100) / 100.0)));
    m.put("pinned", JsonValue.of(pinned));
    m.put("eq", JsonValue.of(eq));
    m.put("contains", JsonValue.of(contains));
    m.put("severalLists", JsonValue.of(severalLists));
    m.put("loose", JsonValue.of(loose));
    List<JsonValue> u = new ArrayList<>();
    for (Unindexed x : unindexed) {
      u.add(obj("id", JsonValue.of(x.id()), "gate", JsonValue.of(x.gate()), "pointer", JsonValue.of(x.pointer()), "reason", JsonValue.of(x.reason())));
    }
    m.put("unindexed", new JsonValue.Arr(u));
    List<JsonValue> f = new ArrayList<>();
    for (IndexedField x : fields) {
      f.add(obj("gate", JsonValue.of(x.gate()), "kind", JsonValue.of(x.kind()), "state", JsonValue.of(x.state()),
          "path", JsonValue.of(x.path()), "keys", JsonValue.of(x.keys()), "subscriptions", JsonValue.of(x.subscriptions())));
    }
    m.put("fields", new JsonValue.Arr(f));
    m.put("retainedBytesEstimate", JsonValue.of(retainedBytesEstimate));
    List<JsonValue> w = new ArrayList<>();
    warnings.forEach(x -> w.add(JsonValue.of(x)));
    m.put("warnings", new JsonValue.Arr(w));
    if (samples == null) {
      m.put("samples", JsonValue.NULL);
    } else {
      Map<String, JsonValue> s = new LinkedHashMap<>();
      s.put("events", JsonValue.of(samples.events()));
      s.put("candidates", JsonValue.of(samples.candidates()));
      s.put("matches", JsonValue.of(samples.matches()));
      Map<String, JsonValue> by = new LinkedHashMap<>();
      samples.byList().forEach((k, v) -> by.put(k, JsonValue.of(v)));
      s.put("byList", new JsonValue.Obj(by));
      List<JsonValue> most = new ArrayList<>();
      for (Evaluated x : samples.mostEvaluatedWithoutMatch()) {
        most.add(obj("id", JsonValue.of(x.id()), "evaluated", JsonValue.of(x.evaluated()), "matched", JsonValue.of(x.matched())));
      }
      s.put("mostEvaluatedWithoutMatch", new JsonValue.Arr(most));
      m.put("samples", new JsonValue.Obj(s));
    }
    return new JsonValue.Obj(m);
  }

  private static JsonValue obj(Object... kv) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (JsonValue) kv[i + 1]);
    }
    return new JsonValue.Obj(m);
  }
}
