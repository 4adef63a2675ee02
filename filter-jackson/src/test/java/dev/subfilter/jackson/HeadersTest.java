package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
  private static final byte[] CMP = "{\"event_name\": \"external_sub_step_completed\", \"data\": {\"sub_step\": {\"id\": \"s1\"}}}"
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] FOUR_ME = "{\"event\": \"task.update\", \"object_id\": 5231, \"payload\": {\"status\": \"assigned\"}}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void of_singleValuedMap_eachHeaderOneValue_inOrder() {
    Map<String, String> single = new LinkedHashMap<>();
    single.put("Content-Type", "application/json");
    single.put("X-4me-Delivery", "d-1");

    Map<String, List<String>> headers = Headers.of(single);

    assertThat(headers).containsExactly(Map.entry("Content-Type", List.of("application/json")), Map.entry("X-4me-Delivery", List.of("d-1")));
  }

  @Test
  void of_namesDifferingOnlyInCase_oneHeader_firstSpellingAndValueFirst() {
    Map<String, String> single = new LinkedHashMap<>();
    single.put("Callback-Secret", "first");
    single.put("Accept", "*/*");
    single.put("callback-secret", "second");

    Map<String, List<String>> headers = Headers.of(single);

    assertThat(headers).containsExactly(Map.entry("Callback-Secret", List.of("first", "second")), Map.entry("Accept", List.of("*/*")));
    assertThat(Headers.first(headers, "CALLBACK-SECRET")).isEqualTo("first");
  }

  @Test
  void of_result_isUnmodifiable_andACopy() {
    Map<String, String> single = new HashMap<>(Map.of("A", "1"));
    Map<String, List<String>> headers = Headers.of(single);
    single.put("B", "2");

    assertThat(headers).containsOnlyKeys("A");
    assertThatThrownBy(() -> headers.put("B", List.of("2"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.get("A").add("3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_nulls_throwNullPointerExceptionNamingThem() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("X-Token", null);
    Map<String, String> nullName = new HashMap<>();
    nullName.put(null, "v");

    assertThatThrownBy(() -> Headers.of(null)).isInstanceOf(NullPointerException.class).hasMessage("headers");
    assertThatThrownBy(() -> Headers.of(nullValue)).isInstanceOf(NullPointerException.class).hasMessage("headers: a null value for X-Token");
    assertThatThrownBy(() -> Headers.of(nullName)).isInstanceOf(NullPointerException.class).hasMessage("headers: a null header name");
  }

  @Test
  void adapters_readSingleValuedHeaders_throughOf() {
    CmpAdapter cmp = CmpAdapter.create(SubfilterJson.create(), "s3cr3t");

    assertThat(cmp.read(CMP, Headers.of(Map.of("callback-secret", "s3cr3t")))).isInstanceOf(Delivery.Received.class);
    assertThatThrownBy(() -> cmp.read(CMP, Headers.of(Map.of("Callback-Secret", "wrong"))))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET));
    Delivery d = FourMeAdapter.create().read(FOUR_ME, Headers.of(Map.of("x-4me-delivery", "uuid-7")));
    assertThat(((Delivery.Received) d).event().deliveryId()).isEqualTo("uuid-7");
  }
}
