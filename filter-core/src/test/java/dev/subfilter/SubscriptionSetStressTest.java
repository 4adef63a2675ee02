package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscriptionSet} under concurrent writers and readers, for a bounded time: writers add,
 * replace, remove, addAll and replaceAll at random; readers check that every answer of {@code
 * match}, {@code readAndMatch} (with the event pruned to the keys it is handed), {@code ids} and
 * {@code size} is the answer of one snapshot that existed while the call ran, evaluated one
 * subscription at a time. Lincheck ({@link SubscriptionSetLincheckTest}) checks small histories
 * exhaustively; this one runs long histories on real threads.
 */
class SubscriptionSetStressTest {
  private static final long MILLIS = Long.getLong("stress.millis", 2_000);

  /**
   * Every state the set has been in, in order. A writer appends the state it is about to publish
   * before publishing it (under one lock, so the order is the set's), so while a call runs the set
   * is in a state between the last one recorded before it and the last one recorded after it.
   */
  private final List<Map<String, CompiledSubscription>> history = new CopyOnWriteArrayList<>();
  private final Object writers = new Object();
  private final SubscriptionSet set = new SubscriptionSet();

  @Test
  void concurrentWritersAndReaders_everyAnswerIsOneSnapshots() throws Exception {
    history.add(new LinkedHashMap<>());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong checks = new AtomicLong();
    long end = System.nanoTime() + MILLIS * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      long seed = w;
      threads.add(new Thread(() -> run(failure, end, () -> write(new SplittableRandom(seed)))));
    }
    for (int r = 0; r < 2; r++) {
      long seed = 100 + r;
      threads.add(new Thread(() -> run(failure, end, () -> {
        read(new SplittableRandom(seed));
        checks.incrementAndGet();
      })));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertThat(checks.get()).as("reads checked").isGreaterThan(100);
    assertThat(history.size()).as("states written").isGreaterThan(100);
  }

  private static void run(AtomicReference<Throwable> failure, long end, Runnable step) {
    try {
      while (System.nanoTime() < end && failure.get() == null) {
        step.run();
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }

  private void write(SplittableRandom random) {
    String id = SetFixture.IDS.get(random.nextInt(4));
    String other = SetFixture.IDS.get(random.nextInt(4));
    CompiledSubscription s = SetFixture.SUBSCRIPTIONS.get(random.nextInt(SetFixture.SUBSCRIPTIONS.size()));
    CompiledSubscription t = SetFixture.SUBSCRIPTIONS.get(random.nextInt(SetFixture.SUBSCRIPTIONS.size()));
    synchronized (writers) {
      Map<String, CompiledSubscription> next = new LinkedHashMap<>(history.get(history.size() - 1));
      switch (random.nextInt(5)) {
        case 0 -> {
          if (next.putIfAbsent(id, s) == null) {
            history.add(next);
            set.add(id, s);
          }
        }
        case 1 -> {
          next.put(id, s);
          history.add(next);
          set.replace(id, s);
        }
        case 2 -> {
          if (next.remove(id) != null) {
            history.add(next);
            assertThat(set.remove(id)).isTrue();
          }
        }
        case 3 -> {
          if (!id.equals(other) && !next.containsKey(id) && !next.containsKey(other)) {
            Map<String, CompiledSubscription> both = new LinkedHashMap<>();
            both.put(id, s);
            both.put(other, t);
            next.putAll(both);
            history.add(next);
            set.addAll(both);
          }
        }
        default -> {
          Map<String, CompiledSubscription> both = new LinkedHashMap<>();
          both.put(id, s);
          both.put(other, t);
          next.putAll(both);
          history.add(next);
          set.replaceAll(both);
        }
      }
    }
  }

  private void read(SplittableRandom random) {
    Event e = SetFixture.EVENTS.get(random.nextInt(SetFixture.EVENTS.size()));
    int op = random.nextInt(4);
    int from = Math.max(0, history.size() - 2); // the last state recorded may not be published yet
    Object answer;
    AtomicReference<Set<String>> handed = new AtomicReference<>();
    switch (op) {
      case 0 -> answer = set.match(e);
      case 1 -> answer = set.readAndMatch(keys -> {
        handed.set(keys);
        return SetFixture.pruned(e, keys);
      });
      case 2 -> answer = set.ids();
      default -> answer = set.size();
    }
    int to = history.size() - 1;
    for (int v = from; v <= to; v++) {
      Map<String, CompiledSubscription> state = history.get(v);
      Object expected = switch (op) {
        case 0, 1 -> SetFixture.oneByOne(state, e);
        case 2 -> new ArrayList<>(state.keySet());
        default -> state.size();
      };
      if (expected.equals(answer) && (op != 1 || handed.get().equals(SetFixture.stateKeys(state)))) {
        return;
      }
    }
    throw new AssertionError("op " + op + " answered " + answer + (op == 1 ? " with keys " + handed.get() : "")
        + ", which no state from " + from + " to " + to + " gives: " + history.subList(from, to + 1));
  }
}
