package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounded pool that shares field references, key sets and plans' values across subscriptions. */
class InternerTest {
  @Test
  void of_equalValues_sharedUntilThePoolIsFull() {
    Interner<String> pool = new Interner<>(2);
    String a = new String("alpha");
    assertThat(pool.of(a)).isSameAs(a);
    assertThat(pool.of(new String("alpha"))).as("an equal value gets the pooled one").isSameAs(a);
    String b = new String("beta");
    assertThat(pool.of(b)).isSameAs(b);
    String c = new String("gamma");
    assertThat(pool.of(c)).as("pool full: returned unshared").isSameAs(c);
    assertThat(pool.of(new String("gamma"))).as("and not pooled").isNotSameAs(c);
    assertThat(pool.of(new String("beta"))).isSameAs(b);
  }
}
