package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Explanation.Presence;
import dev.subfilter.SubscriptionSetProperties.Case;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Funnel} against an oracle: every (event, subscription) pair explained one by one with
 * {@link CompiledSubscription#explain} (the compiled conditions, traced), and the funnel read off
 * the explanation trees: a row rejects when it and every group above it are false; it alone rejects
 * when forcing it true would make the filters hold; near-miss values are what explain saw. The
 * funnel's grouped counting (shared conditions, anchors, groups of rests) must give exactly that.
 */
class FunnelProperties {

  @Provide
  Arbitrary<List<Case>> corpora() {
    return SubscriptionSetProperties.cases().list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Integer> repeats() {
    return Arbitraries.integers().between(1, 8); // up to 96 events: more than one 64-event word
  }

  @Property(tries = 40)
  void report_equalsExplainingEveryPair(@ForAll("corpora") List<Case> cases, @ForAll("repeats") int repeats) {
    Map<String, CompiledSubscription> subs = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      subs.put("s" + i, cases.get(i).subscription().compile());
      // a copy of some subscriptions shares conditions and rests with them: the grouped paths are taken
      if (i % 3 == 0) {
        subs.put("copy" + i, cases.get(i).subscription().compile());
      }
    }
    for (int r = 0; r < repeats; r++) {
      for (Case c : cases) {
        events.add(c.event().event());
      }
    }
    Funnel funnel = Funnel.of(subs);
    int half = events.size() / 2;
    events.subList(0, half).forEach(funnel::add);
    Funnel.Report early = funnel.report(); // counts what is batched so far; counting goes on after it
    events.subList(half, events.size()).forEach(funnel::add);
    Funnel.Report report = funnel.report();
    for (Funnel.Entry got : early.subscriptions()) {
      assertThat(got).isEqualTo(oracle(got.id(), subs.get(got.id()), events.subList(0, half)));
    }

    assertThat(report.events()).isEqualTo(events.size());
    assertThat(report.subscriptions()).extracting(Funnel.Entry::id).containsExactlyElementsOf(subs.keySet());
    long nearMisses = 0;
    for (Funnel.Entry got : report.subscriptions()) {
      Funnel.Entry want = oracle(got.id(), subs.get(got.id()), events);
      assertThat(got).as("%s", subs.get(got.id()).subscription().toJson()).isEqualTo(want);
      nearMisses += got.filters().stream().mapToLong(Funnel.FilterRow::nearMisses).sum();
      Statistics.label("matched").collect(got.matched() > 0);
    }
    Statistics.label("near misses").collect(nearMisses > 0);
  }

  // ------------------------------------------------------------------ the oracle

  static Funnel.Entry oracle(String id, CompiledSubscription s, List<Event> events) {
    Subscription sub = s.subscription();
    String gate = sub.objCode() + " " + sub.eventType() + (sub.objId() == null ? "" : " objId " + sub.objId());
    List<Explanation.Node> rows = new ArrayList<>();
    long passed = 0;
    long matched = 0;
    Map<Integer, long[]> rejected = new LinkedHashMap<>();
    Map<Integer, long[]> near = new LinkedHashMap<>();
    Map<Integer, Map<String, long[]>> values = new LinkedHashMap<>();
    for (Event e : events) {
      Explanation x = s.explain(e);
      if (!x.gatePassed()) {
        continue;
      }
      passed++;
      assertThat(x.matched()).isEqualTo(s.matches(e));
      if (x.matched()) {
        matched++;
        continue;
      }
      List<Explanation.Node> flat = new ArrayList<>();
      Map<Explanation.Node, Explanation.Group> parents = new IdentityHashMap<>();
      flatten(x.filters(), flat, parents);
      if (rows.isEmpty()) {
        rows.addAll(flat);
      }
      for (int r = 0; r < flat.size(); r++) {
        Explanation.Node n = flat.get(r);
        boolean chain = !n.result();
        for (Explanation.Group p = parents.get(n); chain && p != null; p = parents.get(p)) {
          chain = !p.result();
        }
        if (chain) {
          rejected.computeIfAbsent(r, k -> new long[1])[0]++;
        }
        if (!n.result() && forced(x.filters(), n)) {
          near.computeIfAbsent(r, k -> new long[1])[0]++;
          if (n instanceof Explanation.Condition c) {
            Explanation.Seen seen = c.seen().get(c.seen().size() - 1); // changed: the new state's
            String v = seen.presence() == Presence.PRESENT ? cut(seen.value().toString())
                : seen.presence() == Presence.ABSENT ? "(absent)" : "(old state unknown)";
            values.computeIfAbsent(r, k -> new LinkedHashMap<>()).computeIfAbsent(v, k -> new long[1])[0]++;
          }
        }
      }
    }
    if (rows.isEmpty()) { // every pair matched or failed the gate: lay the rows out from any event
      Event any = Event.builder(JsonModel.JAVA).eventType("UPDATE").objCode("-").newState(Map.of()).build();
      flatten(s.explain(any).filters(), rows, new IdentityHashMap<>());
    }
    List<Funnel.FilterRow> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      Explanation.Node n = rows.get(r);
      List<Funnel.Values.Count> counts = new ArrayList<>();
      values.getOrDefault(r, Map.of()).forEach((v, c) -> counts.add(new Funnel.Values.Count(v, c[0])));
      counts.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
      List<Funnel.Values.Count> top = counts.size() > Funnel.TOP_VALUES ? counts.subList(0, Funnel.TOP_VALUES) : counts;
      long all = counts.stream().mapToLong(Funnel.Values.Count::count).sum();
      long shown = top.stream().mapToLong(Funnel.Values.Count::count).sum();
      out.add(new Funnel.FilterRow(n.pointer(), n.description(), n instanceof Explanation.Group,
          rejected.getOrDefault(r, new long[1])[0], near.getOrDefault(r, new long[1])[0], top, all - shown));
    }
    return new Funnel.Entry(id, gate, passed, matched, out);
  }

  private static void flatten(Explanation.Group g, List<Explanation.Node> out, Map<Explanation.Node, Explanation.Group> parents) {
    for (Explanation.Node c : g.children()) {
      out.add(c);
      if (g.pointer().equals("/filters") == false) {
        parents.put(c, g);
      }
      if (c instanceof Explanation.Group cg) {
        flatten(cg, out, parents);
      }
    }
  }

  /** Whether the filters would hold with {@code target} true and everything else as explained. */
  private static boolean forced(Explanation.Node n, Explanation.Node target) {
    if (n == target) {
      return true;
    }
    if (n instanceof Explanation.Group g) {
      boolean top = g.pointer().equals("/filters");
      boolean and = g.connector() == Connector.AND || (top && g.children().size() == 1);
      if (g.children().isEmpty()) {
        return true;
      }
      boolean acc = and;
      for (Explanation.Node c : g.children()) {
        boolean v = forced(c, target);
        acc = and ? acc && v : acc || v;
      }
      return acc;
    }
    return n.result();
  }

  private static String cut(String s) {
    return s.length() <= 80 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(76)) ? 76 : 77) + "...";
  }
}
