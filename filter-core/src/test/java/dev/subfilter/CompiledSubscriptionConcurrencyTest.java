package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One compiled subscription evaluated from several threads at once answers as it does sequentially. */
class CompiledSubscriptionConcurrencyTest {
  private static final int THREADS = 4;
  private static final int SUBSCRIPTIONS = 40;
  private static final int EVENTS = 400;
  private static final int ROUNDS = 5;

  @Test
  void matches_manyThreadsManyEvents_sameAnswersAsSequential() throws Exception {
    List<SubscriptionCase> cases = SubscriptionArbitraries.subscriptionCase().sampleStream().limit(SUBSCRIPTIONS + EVENTS).toList();
    List<CompiledSubscription> compiled = new ArrayList<>();
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      compiled.add(cases.get(i).subscription().compile());
    }
    // each subscription against every event; events planted for other subscriptions still pass many gates
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      SubscriptionCase c = cases.get(SUBSCRIPTIONS + i);
      events.add(c.event().event());
      events.add(cases.get(i % SUBSCRIPTIONS).event().event());
    }

    boolean[][] sequential = new boolean[compiled.size()][events.size()];
    int matches = 0;
    for (int s = 0; s < compiled.size(); s++) {
      for (int e = 0; e < events.size(); e++) {
        sequential[s][e] = compiled.get(s).matches(events.get(e));
        matches += sequential[s][e] ? 1 : 0;
      }
    }
    assertThat(matches).as("some evaluations match, so the comparison is meaningful").isPositive();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          long seed = round * 31L + t;
          Callable<List<String>> worker = () -> {
            // every thread walks all (subscription, event) pairs in its own random order
            List<int[]> pairs = new ArrayList<>();
            for (int s = 0; s < compiled.size(); s++) {
              for (int e = 0; e < events.size(); e++) {
                pairs.add(new int[] {s, e});
              }
            }
            Collections.shuffle(pairs, new Random(seed));
            start.await();
            List<String> differences = new ArrayList<>();
            for (int[] p : pairs) {
              boolean answer = compiled.get(p[0]).matches(events.get(p[1]));
              if (answer != sequential[p[0]][p[1]]) {
                differences.add("subscription " + p[0] + " event " + p[1] + ": " + answer);
              }
            }
            return differences;
          };
          futures.add(pool.submit(worker));
        }
        start.countDown();
        for (Future<List<String>> f : futures) {
          assertThat(f.get(60, TimeUnit.SECONDS)).as("answers that differ from the sequential run").isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
