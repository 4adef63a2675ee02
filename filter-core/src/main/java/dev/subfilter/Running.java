package dev.subfilter;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A collector's state fed one element at a time, its result taken any number of times: how {@link
 * Funnel} and {@link Lint} hold the engine's counters without naming their internal types. Not
 * thread-safe.
 */
final class Running<T, R> {
  private final Adder<T, ?, R> adder;

  private Running(Adder<T, ?, R> adder) {
    this.adder = adder;
  }

  static <T, R> Running<T, R> of(Collector<T, ?, R> collector) {
    return new Running<>(Adder.of(collector));
  }

  void add(T t) {
    adder.add(t);
  }

  R result() {
    return adder.result();
  }

  /** The state with its collector's functions, typed together. */
  private record Adder<T, A, R>(A state, BiConsumer<A, ? super T> accumulator, Function<A, R> finisher) {
    static <T, A, R> Adder<T, A, R> of(Collector<T, A, R> c) {
      return new Adder<>(c.supplier().get(), c.accumulator(), c.finisher());
    }

    void add(T t) {
      accumulator.accept(state, t);
    }

    R result() {
      return finisher.apply(state);
    }
  }
}
