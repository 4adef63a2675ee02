package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vendor detection by top-level member names, shared by the CLI's --format auto and the Kafka router. */
class AutoAdapterTest {
  private static final WorkfrontAdapter WORKFRONT = new WorkfrontAdapter();
  private static final FourMeAdapter FOUR_ME = FourMeAdapter.create();
  private static final CmpAdapter CMP = CmpAdapter.create();
  private static final AutoAdapter AUTO = AutoAdapter.of(WORKFRONT, FOUR_ME, CMP);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"eventType\":\"UPDATE\",\"newState\":{}}|workfront",
      "{\"newState\":{\"event_name\":1},\"eventType\":\"CREATE\",\"event\":2}|workfront",
      "{\"event_name\":\"external_sub_step_completed\",\"data\":{}}|cmp",
      "{\"event_name\":\"x\",\"event\":\"task.create\"}|cmp",
      "{\"event\":\"task.create\",\"payload\":{}}|4me",
      "{\"jwt\":\"a.b.c\"}|4me",
      "{\"eventType\":\"UPDATE\",\"jwt\":\"a.b.c\"}|4me",
      "not json at all|workfront",
      "{\"eventType\": \"UPDATE\", \"newState\": {|workfront"})
  void detect_byTopLevelNames_picksTheVendor(String body, String source) {
    assertThat(AUTO.detect(bytes(body)).source()).isEqualTo(source);
  }

  @Test
  void detect_nestedNamesOnly_cannotTell() {
    assertThatThrownBy(() -> AUTO.detect(bytes("{\"data\":{\"event_name\":\"x\",\"eventType\":\"UPDATE\",\"newState\":{}}}")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: (root): cannot tell the vendor (auto): a Workfront payload has eventType and newState, "
            + "a 4me delivery event or jwt, a CMP delivery event_name; this one has data; name the vendor");
  }

  @Test
  void detect_customWording_isUsedInTheError() {
    AutoAdapter cli = AutoAdapter.of(WORKFRONT, FOUR_ME, CMP, "--format auto", "name the vendor with --format");
    assertThatThrownBy(() -> cli.read(bytes("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7}"), Map.of()))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageEndingWith("this one has a, b, c, d, e, f, ...; name the vendor with --format")
        .hasMessageContaining("cannot tell the vendor (--format auto)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[1]|expected a webhook payload object, found an array",
      "12|expected a webhook payload object, found a number",
      "\"x\"|expected a webhook payload object, found a string",
      "true|expected a webhook payload object, found a boolean",
      "null|expected a webhook payload object, found null",
      "{}|this one has no members"})
  void detect_notAnObjectOrNoNames_saysWhat(String body, String message) {
    assertThatThrownBy(() -> AUTO.detect(bytes(body))).isInstanceOf(InvalidEventException.class).hasMessageContaining(message);
  }

  @Test
  void detect_emptyBody_isInvalid() {
    assertThatThrownBy(() -> AUTO.detect(new byte[0])).isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: (root): empty; expected a webhook payload object");
  }

  @Test
  void read_readsWithThePickedAdapter() {
    Delivery d = AUTO.read(bytes("{\"event\":\"task.create\",\"object_id\":7,\"payload\":{\"status\":\"new\"}}"),
        Map.of("X-4me-Delivery", List.of("d1")));
    assertThat(d).isInstanceOf(Delivery.Received.class);
    assertThat(((Delivery.Received) d).event().source()).isEqualTo("4me");
    assertThat(((Delivery.Received) d).event().deliveryId()).isEqualTo("d1");
    assertThat(AUTO.source()).isEqualTo("auto");
  }

  @Test
  void read_notJson_failsAsTheWorkfrontReaderDoes() {
    byte[] body = bytes("{\"eventType\": oops}");
    String expected = catchMessage(() -> WORKFRONT.read(body, Map.of()));
    assertThat(catchMessage(() -> AUTO.read(body, Map.of()))).isEqualTo(expected).contains("not valid JSON");
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (InvalidEventException e) {
      return e.getMessage();
    }
    throw new AssertionError("no InvalidEventException");
  }
}
