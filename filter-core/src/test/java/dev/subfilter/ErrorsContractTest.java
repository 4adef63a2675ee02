package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's errors contract, as filter-core keeps it. */
class ErrorsContractTest {
  @Test
  void invalidSubscription_message_startsWithOneLineSummary() {
    InvalidSubscriptionException e = new InvalidSubscriptionException(List.of(
        new Problem("/eventType", "unknown eventType \"update\""), new Problem("/filters/0/comparison", "unknown comparison"),
        new Problem("/objCode", "missing"), new Problem("/a\nb", "unknown key")));
    assertThat(e.getMessage().lines().findFirst()).hasValue("invalid subscription, 4 problems at /eventType, /filters/0/comparison, /objCode, ...");
    assertThat(e.summary()).isEqualTo("invalid subscription, 4 problems at /eventType, /filters/0/comparison, /objCode, ...");
    assertThat(e.getMessage()).contains("\n/eventType: unknown eventType \"update\"\n").endsWith("/a\nb: unknown key");
    assertThat(e.problems()).hasSize(4);
  }

  @Test
  void invalidSubscription_oneProblem_isOneLine() {
    InvalidSubscriptionException e = new InvalidSubscriptionException(List.of(new Problem("/x\ny", "unknown key")));
    assertThat(e.getMessage()).isEqualTo("invalid subscription: /x\\ny: unknown key").doesNotContain("\n");
  }

  @Test
  void invalidSubscription_summaryOfTwo_namesBoth() {
    InvalidSubscriptionException e = new InvalidSubscriptionException(List.of(new Problem("", "a"), new Problem("/b", "b")));
    assertThat(e.summary()).isEqualTo("invalid subscription, 2 problems at (root), /b");
  }

  @Test
  void invalidSubscription_noProblems_isRefused() {
    assertThatThrownBy(() -> new InvalidSubscriptionException(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvalidSubscriptionException(null)).isInstanceOf(NullPointerException.class).hasMessage("problems");
  }

  @Test
  void workfrontEvent_withoutNewState_isInvalidAtNewState() {
    assertThatThrownBy(() -> Event.workfront(JsonModel.JAVA, "UPDATE", null, null)).isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: /newState: missing; a Workfront event has a newState object");
    assertThatThrownBy(() -> Event.workfront(JsonModel.JAVA, "UPDATE", List.of(), null)).isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: /newState: expected a state object, found array");
    assertThatThrownBy(() -> Event.workfront(JsonModel.JAVA, "UPDATE", Map.of("objCode", "TASK"), "x")).isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: /oldState: expected a state object or null (unknown), found string");
    assertThatThrownBy(() -> Event.workfront(JsonModel.JAVA, "UPDATE", Map.of(), null)).isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("invalid event: /newState/objCode: missing");
    assertThatThrownBy(() -> Event.workfront(null, "UPDATE", Map.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("model");
  }

  @Test
  void nullArguments_areNullPointerExceptionsNamingTheParameter() {
    SubscriptionSet set = new SubscriptionSet();
    assertThatThrownBy(() -> set.add(null, null)).isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> SubscriptionParser.extended().parse(null)).isInstanceOf(NullPointerException.class).hasMessage("json");
    assertThatThrownBy(() -> SubscriptionParser.of(null, Limits.DEFAULTS)).isInstanceOf(NullPointerException.class).hasMessage("mode");
    assertThatThrownBy(() -> SubscriptionParser.of(Mode.EXTENDED, null)).isInstanceOf(NullPointerException.class).hasMessage("limits");
    assertThatThrownBy(() -> Limits.DEFAULTS.with(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void exceptions_shareOneRoot() {
    assertThat(SubfilterException.class).isAssignableFrom(InvalidSubscriptionException.class);
    assertThat(SubfilterException.class).isAssignableFrom(InvalidEventException.class);
    assertThat(InvalidEventException.class).isAssignableFrom(UnauthenticDeliveryException.class);
  }
}
