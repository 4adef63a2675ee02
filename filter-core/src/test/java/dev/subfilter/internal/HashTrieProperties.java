package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The persistent map against a HashMap, across every version it went through. */
class HashTrieProperties {
  @Provide
  Arbitrary<List<int[]>> ops() {
    // op 0 put, 1 remove; keys from a small range (many replacements, removals of present keys) with
    // hash codes that collide in their low bits (multiples of 32) half the time
    Arbitrary<Integer> key = Arbitraries.oneOf(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 40).map(k -> k * 32 * 32));
    return Arbitraries.integers().between(0, 2).flatMap(op -> key.map(k -> new int[] {op == 2 ? 1 : 0, k})).list().ofMaxSize(300);
  }

  /** Every sequence of puts and removes gives what a HashMap gives, and no earlier version changes. */
  @Property(tries = 300)
  void putsAndRemoves_agreeWithAHashMap_andEveryVersionStaysAsItWas(@ForAll("ops") List<int[]> ops) {
    HashTrie<Integer, Integer> trie = HashTrie.empty();
    Map<Integer, Integer> model = new HashMap<>();
    List<HashTrie<Integer, Integer>> versions = new ArrayList<>();
    List<Map<Integer, Integer>> models = new ArrayList<>();
    int step = 0;
    for (int[] op : ops) {
      if (op[0] == 0) {
        trie = trie.put(op[1], step);
        model.put(op[1], step);
      } else {
        Statistics.label("remove").collect(model.containsKey(op[1]) ? "present" : "absent");
        trie = trie.remove(op[1]);
        model.remove(op[1]);
      }
      step++;
      versions.add(trie);
      models.add(new HashMap<>(model));
    }
    for (int i = 0; i < versions.size(); i++) {
      HashTrie<Integer, Integer> v = versions.get(i);
      Map<Integer, Integer> m = models.get(i);
      assertThat(v.size()).isEqualTo(m.size());
      for (int k = -1; k <= 41; k++) {
        assertThat(v.get(k)).isEqualTo(m.get(k));
        assertThat(v.get(k * 1024)).isEqualTo(m.get(k * 1024));
      }
    }
  }
}
