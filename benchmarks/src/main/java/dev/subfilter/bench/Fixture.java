package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * One prepared workload: {@code n} subscriptions (parsed, compiled, in a {@link SubscriptionSet}),
 * their event-ruler translation, and a batch of events. Shared by the benchmarks' {@code @Setup}
 * and the tests, so that what the tests check is what the benchmarks run.
 */
public final class Fixture {
  /** Events per benchmark operation ({@code @OperationsPerInvocation}). */
  public static final int BATCH = 256;

  public final SubfilterJson json = SubfilterJson.create();
  public final Workload workload;
  public final List<byte[]> events;
  public final List<String> eventStrings;
  public final Map<String, String> texts;
  public final Map<String, Subscription> parsed;
  public final Map<String, CompiledSubscription> compiled;
  public final SubscriptionSet set = new SubscriptionSet();
  /** event-ruler patterns of the translatable subset, by id. */
  public final Map<String, String> patterns;
  /** The compiled translatable subset, by id, and a set of just them. */
  public final Map<String, CompiledSubscription> translatableCompiled = new LinkedHashMap<>();
  public final SubscriptionSet translatableSet = new SubscriptionSet();

  public Fixture(int subscriptions, int events) {
    this(subscriptions, events, Workload.Style.STANDARD);
  }

  /** The workload with its subscriptions written in {@code style}. */
  public Fixture(int subscriptions, int events, Workload.Style style) {
    this.workload = Workload.standard();
    this.events = workload.events(events);
    this.eventStrings = new ArrayList<>(events);
    for (byte[] b : this.events) {
      eventStrings.add(new String(b, StandardCharsets.UTF_8));
    }
    this.texts = workload.subscriptions(subscriptions, style);
    this.parsed = Workload.parse(json, texts);
    this.compiled = new LinkedHashMap<>();
    parsed.forEach((id, s) -> compiled.put(id, s.compile()));
    set.addAll(compiled);
    this.patterns = EventRulerTranslation.translatable(parsed);
    for (String id : patterns.keySet()) {
      translatableCompiled.put(id, compiled.get(id));
    }
    translatableSet.addAll(translatableCompiled);
  }

  /** The share of subscriptions event-ruler expresses exactly. */
  public double translatableShare() {
    return parsed.isEmpty() ? 0 : (double) patterns.size() / parsed.size();
  }

  public Machine machine() {
    return EventRulerTranslation.machine(patterns);
  }

  /** The ids of {@code subscriptions} that match, by evaluating each. */
  public static List<String> naive(Map<String, CompiledSubscription> subscriptions, Event e) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, CompiledSubscription> s : subscriptions.entrySet()) {
      if (s.getValue().matches(e)) {
        out.add(s.getKey());
      }
    }
    return out;
  }

  /** event-ruler's matches for one event. */
  public static List<String> rules(Machine m, String event) {
    try {
      return m.rulesForJSONEvent(event);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Fails unless the set, the naive loop and event-ruler (on the translatable subset) agree on every event. */
  public void check(Machine machine) {
    for (int i = 0; i < events.size(); i++) {
      Event e = json.readWorkfrontEvent(events.get(i));
      List<String> bySet = set.match(e);
      List<String> byLoop = naive(compiled, e);
      if (!new HashSet<>(bySet).equals(new HashSet<>(byLoop))) {
        throw new IllegalStateException("event " + i + ": set " + bySet + " != loop " + byLoop);
      }
      if (machine != null) {
        Set<String> sub = new HashSet<>(translatableSet.match(e));
        Set<String> ruler = new HashSet<>(rules(machine, eventStrings.get(i)));
        if (!sub.equals(ruler)) {
          throw new IllegalStateException("event " + i + ": subfilter " + sub + " != event-ruler " + ruler);
        }
      }
    }
  }
}
