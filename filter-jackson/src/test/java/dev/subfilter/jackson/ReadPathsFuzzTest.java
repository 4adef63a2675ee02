package dev.subfilter.jackson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Filter;
import dev.subfilter.InvalidEventException;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fuzz target (Jazzer; regression inputs in {@code ReadPathsFuzzTestInputs}, fuzz with {@code
 * fuzz.sh}): for any bytes, the three Workfront read paths agree. The tree reader ({@link
 * SubfilterJson#readWorkfrontEvent(byte[])}) is the oracle; the fast scanner and the Jackson stream
 * may decline, but what they return has the tree's kept values node class for node class; {@link
 * WorkfrontStreamReader#read} returns that event or throws the tree's exception (same pointer and
 * message); subscriptions built from the payload's own fields match the read event exactly when
 * they match the tree's, one by one and through a {@link SubscriptionSet}. Nothing but {@link
 * InvalidEventException} escapes. Run with default limits and with small ones that short inputs
 * reach. The one allowed difference, names crafted to collide in Jackson's symbol table, is
 * {@link ReadPathsDivergenceTest}'s.
 */
class ReadPathsFuzzTest {
  private static final List<SubfilterJson> READERS = List.of(
      SubfilterJson.create(),
      SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxJsonDepth(6).withMaxDocumentBytes(512)));

  /** Keys kept when the tree rejects the payload, so that the other paths still keep something. */
  private static final Set<String> SOME_KEYS = Set.of("status", "name", "a", "DE:Prio", "tags", "x");

  @FuzzTest(maxDuration = "10m")
  void read_anyPayload_scannerStreamAndTreeAgree(byte[] payload) throws IOException {
    check(READERS.get(0), payload, true);
    check(READERS.get(1), payload, false);
  }

  /** @param match whether to match subscriptions built from the payload's fields too (costly: they are compiled) */
  private static void check(SubfilterJson json, byte[] payload, boolean match) throws IOException {
    Event read0 = null;
    InvalidEventException rejected0 = null;
    try {
      read0 = json.readWorkfrontEvent(payload);
    } catch (InvalidEventException e) {
      rejected0 = e;
    }
    Event tree = read0;
    InvalidEventException rejected = rejected0;
    List<String> all = tree == null ? new ArrayList<>(SOME_KEYS) : stateKeys(tree);
    List<String> half = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      half.add(all.get(i));
    }
    List<CompiledSubscription> subscriptions = tree == null || !match ? List.of() : subscriptions(tree);
    for (List<String> keys : List.of(all, half, List.<String>of())) {
      WorkfrontStreamReader reader = new WorkfrontStreamReader(json, Set.copyOf(keys));
      Set<String> kept = reader.stateKeys();

      Event fast = new FastWorkfrontScanner(json, kept).scan(payload);
      if (fast != null && symbolTableGuard(rejected)) {
        return; // the one allowed difference: see ReadPathsDivergenceTest
      }
      if (fast != null) {
        require(tree != null, () -> "the scanner accepted what the tree reader rejects: " + rejected);
        sameKept("scanner", fast, tree, kept);
      }
      Event streamed;
      try {
        streamed = reader.stream(payload);
      } catch (IOException | RuntimeException declined) { // the stream declines by throwing too: read() then asks the tree
        streamed = null;
      }
      if (streamed != null) {
        require(tree != null, () -> "the Jackson stream accepted what the tree reader rejects: " + rejected);
        sameKept("stream", streamed, tree, kept);
      }

      Event read;
      try {
        read = reader.read(payload);
      } catch (InvalidEventException e) {
        require(rejected != null, () -> "read() rejected what the tree reader accepts: " + e.getMessage());
        require(e.problem().equals(rejected.problem()), () -> "read() rejected with " + e.problem() + ", the tree reader with " + rejected.problem());
        continue;
      }
      require(tree != null, () -> "read() accepted what the tree reader rejects: " + rejected);
      sameKept("read", read, tree, kept);
      for (CompiledSubscription s : subscriptions) {
        if (reader.covers(s)) {
          require(s.matches(read) == s.matches(tree), () -> "matches differs on the read event for " + s.subscription().toJson());
        }
      }
    }
    if (tree != null && !subscriptions.isEmpty()) {
      SubscriptionSet set = new SubscriptionSet();
      for (int i = 0; i < subscriptions.size(); i++) {
        set.add("s" + i, subscriptions.get(i));
      }
      List<String> expected = set.match(tree);
      require(json.matchWorkfrontEvent(set, payload).equals(expected), () -> "matchWorkfrontEvent differs from set.match(tree event)");
    }
  }

  /** Jackson's guard against names crafted to collide in its symbol table, which the fast scanner does not imitate. */
  private static boolean symbolTableGuard(InvalidEventException rejected) {
    return rejected != null && rejected.problem().message().startsWith("JSON exceeds a reading limit: Spill-over slots in symbol table");
  }

  /** The top-level keys of both states, sorted (the order of the keys decides nothing but which half is kept). */
  private static List<String> stateKeys(Event e) {
    TreeSet<String> keys = new TreeSet<>();
    for (Object s : new Object[] {e.newState(), e.oldState()}) {
      if (s != null) {
        ((JsonNode) s).fieldNames().forEachRemaining(keys::add);
      }
    }
    return new ArrayList<>(keys);
  }

  /**
   * Subscriptions gated for the event, one per kind of test on each of its first fields: its value
   * (eq, in either state), changed, exists, notExists, and an ordering and a contains on scalars.
   */
  private static List<CompiledSubscription> subscriptions(Event e) {
    List<CompiledSubscription> out = new ArrayList<>();
    if (e.objCode() == null || e.objCode().isEmpty()) {
      return out;
    }
    JsonNode state = (JsonNode) e.newState();
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext() && n < 3; n++) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (name.isEmpty()) {
        continue;
      }
      JsonValue v = JsonValues.fromJackson(f.getValue());
      List<Filter> filters = new ArrayList<>();
      filters.add(new Filter.Condition(name, Operator.CHANGED, null, State.NEW_STATE));
      filters.add(new Filter.Condition(name, Operator.EXISTS, null, State.OLD_STATE));
      try {
        filters.add(Filter.Condition.of(name, Operator.EQ, v));
        filters.add(Filter.Condition.of(name, Operator.CONTAINS_ONLY, v, State.OLD_STATE));
      } catch (IllegalArgumentException notAFieldValue) {
        // an empty object, say: no subscription can compare with it
      }
      if (!(v instanceof JsonValue.Obj) && !(v instanceof JsonValue.Arr)) {
        filters.add(Filter.Condition.of(name, Operator.GTE, v));
        filters.add(Filter.Condition.of(name, Operator.CONTAINS, v, State.OLD_STATE));
      }
      for (Filter c : filters) {
        out.add(Subscription.of(e.objCode(), e.eventType(), c).compile());
      }
    }
    return out;
  }

  /** Same gate, time and state presence as the tree's event, and the tree's values of the kept keys, node class for node class. */
  private static void sameKept(String path, Event got, Event tree, Set<String> kept) {
    require(Objects.equals(got.eventType(), tree.eventType()) && Objects.equals(got.objCode(), tree.objCode())
        && Objects.equals(got.objId(), tree.objId()) && Objects.equals(got.eventTime(), tree.eventTime())
        && got.hasOldState() == tree.hasOldState(), () -> path + ": gate or time differs from the tree's: " + got + " vs " + tree);
    for (boolean old : new boolean[] {false, true}) {
      JsonNode g = (JsonNode) (old ? got.oldState() : got.newState());
      JsonNode t = (JsonNode) (old ? tree.oldState() : tree.newState());
      if (t == null) {
        continue;
      }
      int present = 0;
      for (String k : kept) {
        JsonNode tv = t.get(k);
        if (tv != null) {
          present++;
          JsonNode gv = g.get(k);
          require(gv != null, () -> path + ": kept key " + k + " missing");
          sameNodes(path + " " + k, gv, tv);
        }
      }
      require(g.size() == present, () -> path + ": holds keys it was not asked to keep");
    }
  }

  private static void sameNodes(String what, JsonNode a, JsonNode b) {
    require(a.equals(b), () -> what + ": " + a + " vs " + b);
    require(a.getClass() == b.getClass(), () -> what + ": node class " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName());
    if (a.isContainerNode()) {
      Iterator<JsonNode> x = a.elements();
      Iterator<JsonNode> y = b.elements();
      while (x.hasNext()) {
        sameNodes(what, x.next(), y.next());
      }
    }
  }

  private static void require(boolean ok, java.util.function.Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }
}
