package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persistent map every snapshot of a subscription set is built of. */
class HashTrieTest {
  /** Two strings with one hash code ("Aa" and "BB" both hash to 2112): they share a chain. */
  private static final String A = "Aa";
  private static final String B = "BB";

  @Test
  void put_get_remove_returnNewMapsAndLeaveTheOldOnesAlone() {
    HashTrie<String, Integer> empty = HashTrie.empty();
    HashTrie<String, Integer> one = empty.put("x", 1);
    HashTrie<String, Integer> two = one.put("y", 2);
    HashTrie<String, Integer> replaced = two.put("x", 10);
    assertThat(empty.isEmpty()).isTrue();
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(replaced.size()).as("a replaced key is not counted twice").isEqualTo(2);
    assertThat(two.get("x")).isEqualTo(1);
    assertThat(replaced.get("x")).isEqualTo(10);
    HashTrie<String, Integer> removed = replaced.remove("x");
    assertThat(removed.get("x")).isNull();
    assertThat(removed.get("y")).isEqualTo(2);
    assertThat(replaced.get("x")).as("the old map still has it").isEqualTo(10);
    assertThat(removed.remove("absent")).as("removing an absent key: the same map").isSameAs(removed);
    assertThat(empty.remove("x")).isSameAs(empty);
  }

  @Test
  void collidingKeys_shareAChain_andAreKeptApart() {
    assertThat(A.hashCode()).isEqualTo(B.hashCode());
    HashTrie<String, Integer> m = HashTrie.<String, Integer>empty().put(A, 1).put(B, 2);
    assertThat(m.size()).isEqualTo(2);
    assertThat(m.get(A)).isEqualTo(1);
    assertThat(m.get(B)).isEqualTo(2);
    int n = 0;
    for (HashTrie.Leaf<String, Integer> l = m.chain(A.hashCode()); l != null; l = l.next()) {
      assertThat(l.key()).isIn(A, B);
      n++;
    }
    assertThat(n).as("one chain holds both").isEqualTo(2);
    HashTrie<String, Integer> onlyB = m.remove(A);
    assertThat(onlyB.get(A)).isNull();
    assertThat(onlyB.get(B)).isEqualTo(2);
    assertThat(onlyB.remove(B).isEmpty()).isTrue();
  }

  @Test
  void chain_ofAnAbsentHash_isNull() {
    HashTrie<String, Integer> m = HashTrie.<String, Integer>empty().put("x", 1);
    assertThat(m.chain("x".hashCode()).value()).isEqualTo(1);
    assertThat(m.chain("y".hashCode())).isNull();
    assertThat(HashTrie.<String, Integer>empty().chain(0)).isNull();
  }

  @Test
  void nullKeyOrValue_isRefused() {
    HashTrie<String, Integer> m = HashTrie.empty();
    assertThatThrownBy(() -> m.put(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.put("x", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void keysAndValues_listEveryEntryOnce() {
    HashTrie<Integer, Integer> built = HashTrie.empty();
    for (int i = 0; i < 5_000; i++) {
      built = built.put(i, -i);
    }
    HashTrie<Integer, Integer> m = built;
    List<Integer> keys = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    m.keys(keys);
    m.values(values);
    assertThat(keys).hasSize(5_000).doesNotHaveDuplicates();
    assertThat(values).hasSize(5_000).allMatch(v -> m.get(-v) == v);
  }
}
