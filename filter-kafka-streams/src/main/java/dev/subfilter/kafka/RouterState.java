package dev.subfilter.kafka;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Problem;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one router instance knows of the subscriptions topic: the live set (valid records) and the
 * rejected records with their problems. Written by the global thread, read by the stream threads.
 * The set is always a function of the latest record per id, which is what a compacted topic keeps:
 * an invalid record withdraws the id's previous version, so a live instance and one that restarts
 * from the compacted topic agree.
 */
final class RouterState {
  private static final Logger LOG = LoggerFactory.getLogger(SubfilterRouter.class);

  final SubfilterJson json;
  final SubscriptionSet set = new SubscriptionSet();
  final Map<String, List<Problem>> rejected = new ConcurrentHashMap<>();
  /** Whether anything was applied yet: a restored persistent store is loaded into the set once, not per updater. */
  private boolean applied;

  RouterState(SubfilterJson json) {
    this.json = json;
  }

  /** Outcome of applying one record. */
  enum Outcome { LIVE, WITHDRAWN, REJECTED }

  /**
   * Applies the latest record of {@code id}: a subscription, or {@code null} to delete it.
   *
   * @return LIVE when it is now live, WITHDRAWN when deleted, REJECTED when invalid (and not live)
   */
  synchronized Outcome apply(String id, byte[] value) {
    applied = true;
    if (value == null) {
      set.remove(id);
      rejected.remove(id);
      return Outcome.WITHDRAWN;
    }
    try {
      CompiledSubscription s = json.readSubscription(value).compile();
      set.replace(id, s);
      rejected.remove(id);
      return Outcome.LIVE;
    } catch (InvalidSubscriptionException e) {
      reject(id, e.problems());
    } catch (RuntimeException e) {
      // a bug must not stop the global thread (no exception handler covers it): report it as this record's problem
      LOG.error("subscription {} could not be applied", id, e);
      reject(id, List.of(new Problem("", "could not be applied: " + e)));
    }
    return Outcome.REJECTED;
  }

  /** Reports a record that cannot be live; the id's previous version, if any, is withdrawn. */
  synchronized void reject(String id, List<Problem> problems) {
    applied = true;
    boolean withdrawn = set.remove(id);
    rejected.put(id, List.copyOf(problems));
    LOG.warn("subscription record {} rejected{}: {}", id, withdrawn ? " (its previous version is withdrawn)" : "",
        oneLine(problems));
  }

  /**
   * Loads a store restored from disk into the set, once per router: a persistent store is not
   * replayed through the updater on restart; an in-memory one is (then the set is filled already
   * and this does nothing). Kafka creates more than one updater per store, hence "once".
   */
  synchronized void loadOnce(KeyValueStore<String, byte[]> store) {
    if (applied) {
      return;
    }
    applied = true;
    Map<String, CompiledSubscription> live = new LinkedHashMap<>();
    int rejectedCount = 0;
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        try {
          live.put(kv.key, json.readSubscription(kv.value).compile());
        } catch (InvalidSubscriptionException e) {
          rejected.put(kv.key, List.copyOf(e.problems()));
          rejectedCount++;
        } catch (RuntimeException e) {
          LOG.error("stored subscription {} could not be applied", kv.key, e);
          rejected.put(kv.key, List.of(new Problem("", "could not be applied: " + e)));
          rejectedCount++;
        }
      }
    }
    set.replaceAll(live);
    if (!live.isEmpty() || rejectedCount > 0) {
      LOG.info("loaded {} subscriptions from the restored store ({} rejected)", live.size(), rejectedCount);
    }
  }

  static String oneLine(List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    for (Problem p : problems) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(p);
    }
    return oneLine(b.toString());
  }

  static String oneLine(String s) {
    return s.replace("\r", " ").replace('\n', ' ');
  }
}
