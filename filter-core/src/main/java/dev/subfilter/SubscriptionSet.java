package dev.subfilter;

import dev.subfilter.internal.SubscriptionIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiled subscriptions held by id, answering "which of them match this event?" without
 * evaluating every one of them.
 *
 * <pre>{@code
 * SubscriptionSet set = new SubscriptionSet();
 * set.add("s1", subscription.compile());
 * List<String> ids = set.match(event);   // e.g. ["s1"]
 * }</pre>
 *
 * <h2>Answers</h2>
 *
 * {@link #match} returns exactly the ids whose subscription's {@link CompiledSubscription#matches}
 * holds for the event: the index only narrows down which subscriptions are evaluated, never what a
 * subscription means. Ids come in <em>insertion order</em>: the order in which they were first
 * added; {@link #replace replacing} the subscription of an id keeps its place, removing an id and
 * adding it again moves it to the end ({@link java.util.LinkedHashMap} order).
 *
 * <h2>Ids</h2>
 *
 * An id is any non-blank string. {@link #add} and {@link #addAll} take new ids only (a present id
 * is an {@link IllegalArgumentException}, so that two subscriptions under one id never silently
 * replace each other); {@link #replace} adds or replaces.
 *
 * <h2>Thread-safety</h2>
 *
 * All methods may be called from any thread at any time. The set is an immutable snapshot held in
 * a volatile field: readers ({@link #match}, {@link #size}, {@link #ids}, {@link #get}) read it
 * once and never lock, so each of their answers is the answer of one snapshot, never a mix of two;
 * writers ({@link #add}, {@link #addAll}, {@link #replace}, {@link #replaceAll}, {@link #remove}) synchronize among themselves, build the
 * next snapshot (sharing every part they do not change) and publish it atomically. A reader that
 * starts after a writer returned sees that write.
 *
 * <h2>How it matches, and its costs</h2>
 *
 * Subscriptions are bucketed by gate: (objCode, eventType) for CREATE/UPDATE/DELETE, (objCode,
 * vendor event name) for the others; an event looks up one bucket of each kind. Within a bucket a
 * subscription is indexed by the first of:
 *
 * <ol>
 *   <li>its objId, when it sets one;
 *   <li>keys that every match has at least one of, each the value of an {@code eq} condition on a
 *       scalar (under a key that normalises numbers, numeric strings and booleans the way {@code eq}
 *       compares them) or the text of a {@code contains} condition on a scalar (all the texts of one
 *       field are searched for at once by an Aho–Corasick automaton, and, for array fields, looked up
 *       element by element as {@code eq} keys); for a nested fieldValue, one of its leaves, looked
 *       up where the nested test reads it ({@code data → customerID}, or {@code options[] →
 *       projectID} in each element of an {@code objects} array):
 *       <ul>
 *         <li>one key when some such condition is required by every match (a condition of a
 *             top-level AND, or of AND groups in it);
 *         <li>one key per branch for an OR (a top-level OR, or an OR group that every match
 *             requires) whose every branch has one (such a condition, or an AND group holding one):
 *             the subscription is listed under each, and an event that reaches it through several
 *             evaluates and reports it once;
 *       </ul>
 *       choosing the most selective: the key that the fewest of the bucket's eq conditions on its
 *       field share (so fields with many distinct values, such as owner ids, win over fields with a
 *       few, such as statuses), an eq key before a contains text;
 *   <li>else the bucket's fallback list (no filters, only ranges, {@code ne}, {@code changed},
 *       {@code exists}, eq with null or an array, an OR with a branch that has no key...).
 * </ol>
 *
 * {@code match} evaluates exactly the subscriptions pinned to the event's objId, those under the
 * keys of the event's values of the indexed fields, those whose contains text occurs in them, and
 * the fallback list: its cost grows with the number of candidates (and of fallback subscriptions
 * in the event's buckets), and the length of the indexed fields' values, not with the size of the
 * set. It allocates only for its answer and the candidates found (nothing when no subscription
 * matches and no multi-key subscription is reached — an OR listed under its branches, or one keyed
 * inside an {@code objects} array, which one event may reach twice; a small table of those
 * evaluated when one is; no iterator, stream or lambda). The automaton of a field is built on the first match
 * after that field's contains subscriptions changed, in time linear in the total length of their
 * texts.
 *
 * <p>An {@code add} or {@code remove} costs O(log n) for the persistent hash tries plus a copy of
 * each list it changes (the subscriptions sharing its objId, one of its keys, or its bucket's
 * fallback list: one list, or one per branch of an OR), never a rebuild of the set: 10,000 adds
 * take milliseconds. Where a subscription is listed is decided when it is added, from the bucket as
 * it is then; later adds and removes do not move it.
 *
 * <p>No method accepts {@code null}: a {@code null} argument throws {@link NullPointerException}.
 */
public final class SubscriptionSet {
  private final Object writeLock = new Object();
  private volatile SubscriptionIndex index = SubscriptionIndex.EMPTY;

  /** An empty set. */
  public SubscriptionSet() {}

  /**
   * Holds {@code subscription} under a new {@code id}, at the end of the insertion order. Visible
   * to every {@link #match} that starts after this returns.
   *
   * @param id the subscription's id: not blank
   * @param subscription the compiled subscription
   * @throws NullPointerException when {@code id} or {@code subscription} is {@code null}
   * @throws IllegalArgumentException when {@code id} is blank, or already held (use {@link #replace})
   */
  public void add(String id, CompiledSubscription subscription) {
    requireId(id);
    Objects.requireNonNull(subscription, "subscription");
    synchronized (writeLock) {
      if (index.get(id) != null) {
        throw new IllegalArgumentException("the set already holds a subscription with id " + quote(id)
            + "; replace(id, subscription) replaces it");
      }
      index = index.with(id, subscription);
    }
  }

  /**
   * Holds {@code subscription} under {@code id}, replacing the one held under it if any (in the
   * same place of the insertion order; a new id goes at the end). Visible to every {@link #match}
   * that starts after this returns.
   *
   * @param id the subscription's id: not blank
   * @param subscription the compiled subscription
   * @return the subscription it replaced, or {@code null} when {@code id} was not held
   * @throws NullPointerException when {@code id} or {@code subscription} is {@code null}
   * @throws IllegalArgumentException when {@code id} is blank
   */
  public CompiledSubscription replace(String id, CompiledSubscription subscription) {
    requireId(id);
    Objects.requireNonNull(subscription, "subscription");
    synchronized (writeLock) {
      CompiledSubscription previous = index.get(id);
      index = index.with(id, subscription);
      return previous;
    }
  }

  /**
   * Adds every entry of {@code subscriptions} (in its iteration order) as {@link #add} does, and
   * publishes them at once: a concurrent {@link #match} sees all of them or none.
   *
   * @param subscriptions new ids and their compiled subscriptions
   * @throws NullPointerException when the map, a key or a value is {@code null}; then nothing is added
   * @throws IllegalArgumentException when an id is blank or already held; then nothing is added
   */
  public void addAll(Map<String, CompiledSubscription> subscriptions) {
    Objects.requireNonNull(subscriptions, "subscriptions");
    synchronized (writeLock) {
      SubscriptionIndex next = index;
      for (Map.Entry<String, CompiledSubscription> e : subscriptions.entrySet()) {
        String id = requireId(e.getKey());
        Objects.requireNonNull(e.getValue(), "subscription");
        if (next.get(id) != null) {
          throw new IllegalArgumentException("the set already holds a subscription with id " + quote(id)
              + "; nothing was added (replace(id, subscription) replaces one)");
        }
        next = next.with(id, e.getValue());
      }
      index = next;
    }
  }

  /**
   * Holds every entry of {@code subscriptions} (in its iteration order) as {@link #replace} does,
   * and publishes them at once: a concurrent {@link #match} sees all of them or none.
   *
   * @param subscriptions ids and their compiled subscriptions, new or replacing
   * @throws NullPointerException when the map, a key or a value is {@code null}; then nothing changes
   * @throws IllegalArgumentException when an id is blank; then nothing changes
   */
  public void replaceAll(Map<String, CompiledSubscription> subscriptions) {
    Objects.requireNonNull(subscriptions, "subscriptions");
    synchronized (writeLock) {
      SubscriptionIndex next = index;
      for (Map.Entry<String, CompiledSubscription> e : subscriptions.entrySet()) {
        next = next.with(requireId(e.getKey()), Objects.requireNonNull(e.getValue(), "subscription"));
      }
      index = next;
    }
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a subscription id must not be blank, was " + quote(id));
    }
    return id;
  }

  private static String quote(String id) {
    return JsonWriter.quote(id);
  }

  /**
   * Removes the subscription held under {@code id}.
   *
   * @param id the id; not {@code null}
   * @return whether there was one (and so whether the set changed)
   * @throws NullPointerException when {@code id} is {@code null}
   */
  public boolean remove(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (writeLock) {
      SubscriptionIndex next = index.without(id);
      if (next == index) {
        return false;
      }
      index = next;
      return true;
    }
  }

  /**
   * The number of subscriptions held. O(1).
   *
   * @return the number of ids, {@code 0} or more
   */
  public int size() {
    return index.size();
  }

  /**
   * The subscription held under {@code id}, or {@code null}. O(log n).
   *
   * @param id the id; not {@code null}
   * @return the compiled subscription, or {@code null} when none is held under {@code id}
   * @throws NullPointerException when {@code id} is {@code null}
   */
  public CompiledSubscription get(String id) {
    return index.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * The state keys the held subscriptions read: the union of their {@link
   * CompiledSubscription#stateKeys()} in one snapshot. An event whose states keep only these keys
   * matches what the full event matches. Unmodifiable; the same object from one call to the next
   * while no key comes or goes, so a reader built for it can be cached by identity. O(1).
   *
   * @return the keys, empty when the set is; never {@code null}
   */
  public Set<String> stateKeys() {
    return index.stateKeys();
  }

  /**
   * The ids held, in insertion order: an unmodifiable copy of one snapshot. O(n log n).
   *
   * @return the ids, empty when the set is; never {@code null}
   */
  public List<String> ids() {
    return index.ids();
  }

  /**
   * The ids of the subscriptions that match {@code event}, in insertion order (see the class
   * comment): exactly those whose {@link CompiledSubscription#matches} holds. Never throws for a
   * non-null event; never locks.
   *
   * @param event the event; not {@code null}
   * @return an unmodifiable list; an empty one when nothing matches
   * @throws NullPointerException when {@code event} is {@code null}
   */
  public List<String> match(Event event) {
    Objects.requireNonNull(event, "event");
    return index.match(event, null);
  }

  /**
   * Reads an event with {@code reader}, which is given the {@link #stateKeys()} of one snapshot and
   * may keep only those keys of the states (a streaming reader skips the rest), and matches it
   * against that same snapshot: an {@link #add} or {@link #remove} running meanwhile is either
   * wholly seen (keys and subscriptions) or not at all. Whatever {@code reader} throws propagates;
   * otherwise as {@link #match(Event)}.
   *
   * @param reader called once, on the calling thread, with an unmodifiable set of state keys; returns
   *     the event read, never {@code null}
   * @return as {@link #match(Event)}: the matching ids in insertion order, unmodifiable
   * @throws NullPointerException when {@code reader} is {@code null} or returns {@code null}
   */
  public List<String> readAndMatch(Function<? super Set<String>, ? extends Event> reader) {
    Objects.requireNonNull(reader, "reader");
    SubscriptionIndex snapshot = index;
    Event e = Objects.requireNonNull(reader.apply(snapshot.stateKeys()), "the reader returned null");
    return snapshot.match(e, null);
  }

  /**
   * {@link #match(Event)}, adding to {@code counters} what it evaluated: the event, the candidates
   * the index chose and the matches among them, by where each candidate came from. For statistics
   * and benchmarks (the CI guard budgets candidates per event on its seeded workload); costs a few
   * increments per candidate, and never changes the answer.
   *
   * @param event the event
   * @param counters counters this call adds to; not thread-safe, so one per thread
   * @return as {@link #match(Event)}
   * @throws NullPointerException when {@code event} or {@code counters} is {@code null}
   */
  public List<String> match(Event event, MatchCounters counters) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(counters, "counters");
    counters.events++;
    return index.match(event, counters.counters);
  }

  /**
   * What {@link #match(Event, MatchCounters)} calls evaluated, summed over the calls given these
   * counters. Mutable and not thread-safe: one per thread, read after the calls.
   */
  public static final class MatchCounters {
    private final SubscriptionIndex.Counters counters = new SubscriptionIndex.Counters();
    private long events;

    /** Counters at zero. */
    public MatchCounters() {}

    /** @return the events matched */
    public long events() {
      return events;
    }

    /** @return the subscriptions evaluated in all (each candidate once per event) */
    public long candidates() {
      return counters.candidates();
    }

    /** @return the matches found in all */
    public long matches() {
      return counters.matches();
    }

    /**
     * @return the candidates evaluated because they sit in a fallback list: subscriptions with
     *     nothing to index, evaluated for every event of their gate
     */
    public long fallbackCandidates() {
      return counters.fallbackCandidates();
    }

    /** @return the candidates reached through a pinned objId */
    public long pinnedCandidates() {
      return counters.pinnedCandidates();
    }

    /** @return the candidates reached through an eq value */
    public long eqCandidates() {
      return counters.eqCandidates();
    }

    /** @return the candidates reached through a contains text */
    public long containsCandidates() {
      return counters.containsCandidates();
    }

    @Override
    public String toString() {
      return "MatchCounters[events=" + events + ", candidates=" + candidates() + ", matches=" + matches()
          + ", fallback=" + fallbackCandidates() + "]";
    }
  }

  /**
   * What this set costs, from one snapshot: see {@link SetStats}. Without samples, {@link
   * SetStats#candidatesPerEvent()} is NaN. O(n) in the subscriptions and the index keys.
   *
   * @return the statistics
   */
  public SetStats stats() {
    return index.stats(null);
  }

  /**
   * {@link #stats()}, and what matching {@code samples} against the same snapshot costs:
   * candidates and matches per event, by list, and the subscriptions evaluated most without
   * matching. Matching the samples costs what {@link #match} costs for each.
   *
   * @param samples sample events, any number
   * @return the statistics
   * @throws NullPointerException when {@code samples} or one of them is {@code null}
   */
  public SetStats stats(Iterable<Event> samples) {
    Objects.requireNonNull(samples, "samples");
    return index.stats(samples);
  }

  /** {@link #match}, adding what it evaluated to {@code counters}. For tests and statistics. */
  List<String> match(Event event, SubscriptionIndex.Counters counters) {
    return index.match(event, counters);
  }

  /**
   * Where {@code id} is indexed ({@code "pinned"}, {@code "eq newState FIELD"}, {@code "contains
   * oldState FIELD"}, ..., {@code "fallback"}, or {@code "or(KEY; KEY; ...)"} for one listed under
   * several keys), or {@code null}.
   */
  String placement(String id) {
    return index.placement(id);
  }

  @Override
  public String toString() {
    return "SubscriptionSet[" + size() + " subscriptions]";
  }
}
