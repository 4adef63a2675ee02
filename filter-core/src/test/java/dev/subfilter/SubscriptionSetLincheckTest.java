package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: every concurrent history of {@link SubscriptionSet}'s operations is linearizable
 * against {@link Spec}, a LinkedHashMap evaluated one subscription at a time. Model checking
 * explores the interleavings of up to three threads exhaustively within its budget; the stress
 * run executes scenarios on real threads. Tagged {@code lincheck}: it runs in a surefire execution of
 * its own, which adds the JVM flags Lincheck needs ({@code --add-opens}/{@code --add-exports}, and
 * eager instrumentation: Lincheck's lazy one cannot read the static fields of a record class, see
 * filter-core's pom).
 */
@Tag("lincheck")
@Param(name = "id", gen = IntGen.class, conf = "0:3")
@Param(name = "sub", gen = IntGen.class, conf = "0:6")
@Param(name = "event", gen = IntGen.class, conf = "0:3")
public class SubscriptionSetLincheckTest {
  private final SubscriptionSet set = new SubscriptionSet();
  private final List<CompiledSubscription> subs = SetFixture.subscriptions();
  private final List<Event> events = SetFixture.events();

  private static String id(int i) {
    return "abcd".substring(i, i + 1);
  }

  private static int index(List<CompiledSubscription> subs, CompiledSubscription s) {
    return s == null ? -1 : subs.indexOf(s);
  }

  @Operation
  public boolean add(@Param(name = "id") int id, @Param(name = "sub") int sub) {
    try {
      set.add(id(id), subs.get(sub));
      return true;
    } catch (IllegalArgumentException present) {
      return false;
    }
  }

  @Operation
  public int replace(@Param(name = "id") int id, @Param(name = "sub") int sub) {
    return index(subs, set.replace(id(id), subs.get(sub)));
  }

  /** addAll of two ids at once (both or, when one is present, neither). */
  @Operation
  public boolean addAll(@Param(name = "id") int id, @Param(name = "sub") int sub) {
    try {
      set.addAll(Map.of(id(id), subs.get(sub), id((id + 1) % 4), subs.get((sub + 1) % 7)));
      return true;
    } catch (IllegalArgumentException present) {
      return false;
    }
  }

  @Operation
  public void replaceAll(@Param(name = "id") int id, @Param(name = "sub") int sub) {
    Map<String, CompiledSubscription> m = new LinkedHashMap<>();
    m.put(id(id), subs.get(sub));
    m.put(id((id + 2) % 4), subs.get((sub + 3) % 7));
    set.replaceAll(m);
  }

  @Operation
  public boolean remove(@Param(name = "id") int id) {
    return set.remove(id(id));
  }

  @Operation
  public List<String> match(@Param(name = "event") int event) {
    return set.match(events.get(event));
  }

  /** The event pruned to the keys handed over: right only when keys and subscriptions are of one snapshot. */
  @Operation
  public List<String> readAndMatch(@Param(name = "event") int event) {
    return set.readAndMatch(keys -> SetFixture.pruned(events.get(event), keys));
  }

  @Operation
  public List<String> stateKeys() {
    return new ArrayList<>(new java.util.TreeSet<>(set.stateKeys()));
  }

  @Operation
  public int size() {
    return set.size();
  }

  @Operation
  public List<String> ids() {
    return set.ids();
  }

  @Operation
  public int get(@Param(name = "id") int id) {
    return index(subs, set.get(id(id)));
  }

  /**
   * Interleavings are explored at every shared access of SubscriptionSet itself (its volatile
   * snapshot, its writers' lock, the reader's callback in readAndMatch) and of the JDK code it
   * calls; the snapshots it swaps (the index, compiled subscriptions, events) are immutable, so
   * each of their methods runs as one step (their one lazily built cache is a benign race, which
   * a sequentially consistent model checker could not show anyway). The budget is CI's (10
   * scenarios of 50 interleavings); {@code -Dlincheck.iterations=100 -Dlincheck.invocations=1000}
   * searches deeper.
   */
  private static final long INVOCATION_TIMEOUT_MS = 60_000;

  @Test
  void modelChecking_allOperations_linearizable() {
    LinChecker.check(SubscriptionSetLincheckTest.class, new ModelCheckingOptions()
        // an invocation counts as hung after 10 s by default; on a starved 2-core machine the first
        // invocations (classes loaded and instrumented) took longer: a minute each is still a bound
        .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS)
        .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(SubscriptionSetLincheckTest::atomic).allMethods().treatAsAtomic())
        .sequentialSpecification(Spec.class)
        .iterations(Integer.getInteger("lincheck.iterations", 10))
        .invocationsPerIteration(Integer.getInteger("lincheck.invocations", 50))
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(2)
        .actorsAfter(1));
  }

  private static Boolean atomic(String className) {
    return className.startsWith("dev.subfilter.") && !className.equals(SubscriptionSet.class.getName())
        && !className.startsWith(SubscriptionSetLincheckTest.class.getName());
  }

  @Test
  void stress_allOperations_linearizable() {
    LinChecker.check(SubscriptionSetLincheckTest.class, new StressOptions()
        .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS)
        .sequentialSpecification(Spec.class)
        .iterations(Integer.getInteger("lincheck.iterations", 10) / 2)
        .invocationsPerIteration(Integer.getInteger("lincheck.invocations", 50) * 4)
        .threads(2)
        .actorsPerThread(3));
  }

  /** The sequential specification: a LinkedHashMap, matched one subscription at a time. */
  public static final class Spec {
    private final LinkedHashMap<String, CompiledSubscription> held = new LinkedHashMap<>();
    private final List<CompiledSubscription> subs = SetFixture.subscriptions();
    private final List<Event> events = SetFixture.events();

    public boolean add(int id, int sub) {
      return held.putIfAbsent(id(id), subs.get(sub)) == null;
    }

    public int replace(int id, int sub) {
      return index(subs, held.put(id(id), subs.get(sub)));
    }

    public boolean addAll(int id, int sub) {
      String a = id(id);
      String b = id((id + 1) % 4);
      if (held.containsKey(a) || held.containsKey(b)) {
        return false;
      }
      // Map.of's iteration order is unspecified: add in the order SubscriptionSet sees it
      Map<String, CompiledSubscription> m = Map.of(a, subs.get(sub), b, subs.get((sub + 1) % 7));
      held.putAll(m);
      return true;
    }

    public void replaceAll(int id, int sub) {
      held.put(id(id), subs.get(sub));
      held.put(id((id + 2) % 4), subs.get((sub + 3) % 7));
    }

    public boolean remove(int id) {
      return held.remove(id(id)) != null;
    }

    public List<String> match(int event) {
      return SetFixture.oneByOne(held, events.get(event));
    }

    public List<String> readAndMatch(int event) {
      return match(event);
    }

    public List<String> stateKeys() {
      return new ArrayList<>(SetFixture.stateKeys(held));
    }

    public int size() {
      return held.size();
    }

    public List<String> ids() {
      return new ArrayList<>(held.keySet());
    }

    public int get(int id) {
      return index(subs, held.get(id(id)));
    }

    /** The ids and which subscription each holds, in order. */
    private List<String> state() {
      List<String> out = new ArrayList<>();
      held.forEach((k, v) -> out.add(k + "=" + index(subs, v)));
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec s && state().equals(s.state());
    }

    @Override
    public int hashCode() {
      return Objects.hash(state());
    }
  }
}
