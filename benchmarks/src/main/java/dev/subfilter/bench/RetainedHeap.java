package dev.subfilter.bench;

import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * How much heap does a set of {@code n} subscriptions retain? Not a JMH benchmark (JMH scores
 * rates and times, not sizes): it measures the used heap after full collections before and after
 * building the set from the workload's texts, with the texts themselves counted out, so the figure
 * is everything the set keeps alive: the parsed subscriptions, their compiled form and the index
 * (with the contains automata, which the first match builds). event-ruler's {@link Machine} holding
 * the translatable subset is measured the same way, per rule.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.RetainedHeap [n]} (default 10,000; {@code run.sh} runs it and adds the figure
 * to its table). Target: under 1 KB per subscription. Fails (exit 1) when the set's answers differ
 * from a fresh set's, so the number is of a working set.
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Workload w = Workload.standard();
    SubfilterJson json = SubfilterJson.create();
    Map<String, String> texts = w.subscriptions(n);
    byte[][] events = w.events(64).toArray(byte[][]::new);
    Map<String, String> patterns = EventRulerTranslation.translatable(Workload.parse(json, texts));

    long before = usedAfterGc();
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(Workload.compile(json, texts));
    long matches = 0;
    for (byte[] e : events) {
      matches += json.matchWorkfrontEvent(set, e).size();
    }
    long withSet = usedAfterGc();

    Machine machine = EventRulerTranslation.machine(patterns);
    long withMachine = usedAfterGc();
    Reference.reachabilityFence(set);
    Reference.reachabilityFence(machine);

    if (set.size() != n || matches == 0) {
      System.err.println("the set holds " + set.size() + " of " + n + " subscriptions and matched " + matches + " times");
      System.exit(1);
    }
    System.out.printf("| %,d-subscription set (parsed + compiled + index) | %,d bytes/subscription | %,d bytes |%n",
        n, (withSet - before) / n, withSet - before);
    System.out.printf("| event-ruler Machine, %,d translatable rules | %,d bytes/rule | %,d bytes |%n",
        patterns.size(), patterns.isEmpty() ? 0 : (withMachine - withSet) / patterns.size(), withMachine - withSet);
  }

  /** Used heap after full collections, once it stops shrinking. */
  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(20);
      long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (u >= used && i >= 2) {
        return Math.min(u, used);
      }
      used = Math.min(used, u);
    }
    return used;
  }
}
