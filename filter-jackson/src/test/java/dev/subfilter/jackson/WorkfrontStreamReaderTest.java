package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkfrontStreamReaderTest {
  private static final SubfilterJson JSON = SubfilterJson.create();

  private static CompiledSubscription sub(String text) {
    return JSON.readSubscription(text).compile();
  }

  private static final CompiledSubscription STATUS = sub(
      "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"status\",\"fieldValue\":\"CUR\"}]}");
  private static final CompiledSubscription GROUPED = sub(
      "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filterConnector\":\"OR\",\"filters\":["
          + "{\"fieldName\":\"DE:Prio\",\"fieldValue\":\"high\"},"
          + "{\"type\":\"group\",\"connector\":\"AND\",\"filters\":["
          + "{\"fieldName\":\"percentComplete\",\"comparison\":\"gt\",\"fieldValue\":50},"
          + "{\"fieldName\":\"assignedToID\",\"comparison\":\"changed\"}]}]}");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(bytes(s));
  }

  private static final String BIG = "{\"deep\":" + "[".repeat(400) + "]".repeat(400) + ",\"long\":\"" + "x".repeat(100_000)
      + "\",\"nums\":[1e400,123456789012345678901234567890,1e999999999,-0.0e-0],\"o\":{\"status\":\"NEW\",\"a\":{\"b\":[{}]}}}";

  private static final String NEW_STATE = "{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"CUR\",\"name\":\"n\",\"big\":" + BIG
      + ",\"percentComplete\":60,\"parameterValues\":{\"DE:Prio\":\"low\"}}";
  private static final String OLD_STATE = "{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"NEW\",\"assignedToID\":\"u1\",\"big\":" + BIG + "}";

  @Test
  void stateKeys_compiledSubscription_fieldsGateAndParameterValues() {
    assertThat(STATUS.stateKeys()).containsExactlyInAnyOrder("objCode", "ID", "status");
    assertThat(GROUPED.stateKeys()).containsExactlyInAnyOrder("objCode", "ID", "DE:Prio", "parameterValues", "percentComplete", "assignedToID");
  }

  @Test
  void read_inlineStates_keepsOnlyReadKeys() throws Exception {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS, GROUPED));
    String text = "{\"eventType\":\"UPDATE\",\"extra\":" + BIG + ",\"newState\":" + NEW_STATE + ",\"oldState\":" + OLD_STATE
        + ",\"eventTime\":{\"epochSecond\":1700000000,\"nano\":5}}";
    Event e = r.read(bytes(text));
    Event tree = JSON.readWorkfrontEvent(text);
    JsonNode n = (JsonNode) e.newState();
    assertThat(n.properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("objCode", "ID", "status", "percentComplete", "parameterValues");
    assertThat(n.get("parameterValues")).isEqualTo(((JsonNode) tree.newState()).get("parameterValues"));
    assertThat(((JsonNode) e.oldState()).size()).isEqualTo(4);
    assertThat(e.objCode()).isEqualTo("TASK");
    assertThat(e.objId()).isEqualTo("t1");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.eventTime()).isEqualTo(Instant.ofEpochSecond(1700000000, 5)).isEqualTo(tree.eventTime());
    assertThat(STATUS.matches(e)).isTrue().isEqualTo(STATUS.matches(tree));
    assertThat(GROUPED.matches(e)).isTrue().isEqualTo(GROUPED.matches(tree));
    assertThat(r.stream(bytes(text))).as("valid payloads never go through the tree").isNotNull();
  }

  @Test
  void read_base64States_decodedAndStreamed() throws Exception {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS));
    String mime = Base64.getMimeEncoder().encodeToString(bytes(OLD_STATE));
    String text = "{\"eventType\":\"UPDATE\",\"newState\":\"" + b64(NEW_STATE) + "\",\"oldState\":\"" + mime.replace("\r\n", "\\r\\n") + "\"}";
    Event e = r.stream(bytes(text));
    assertThat(e).isNotNull();
    assertThat(((JsonNode) e.newState()).size()).isEqualTo(3);
    assertThat(((JsonNode) e.oldState()).get("status").textValue()).isEqualTo("NEW");
    assertThat(r.matches(STATUS, bytes(text))).isTrue();
  }

  @Test
  void read_nullOrAbsentOldState_unknown() {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS));
    assertThat(r.read(bytes("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":null}")).hasOldState()).isFalse();
    assertThat(r.read(bytes("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"}}")).hasOldState()).isFalse();
    assertThat(r.read(bytes("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":{}}")).hasOldState()).isTrue();
  }

  @Test
  void read_objCodeOnlyInOldState_takenFromIt() {
    WorkfrontStreamReader r = new WorkfrontStreamReader(JSON, Set.of());
    Event e = r.read(bytes("{\"eventType\":\"DELETE\",\"newState\":{\"x\":1},\"oldState\":{\"objCode\":\"PROJ\",\"ID\":12,\"y\":2}}"));
    assertThat(e.objCode()).isEqualTo("PROJ");
    assertThat(e.objId()).isEqualTo("12");
    assertThat(r.stateKeys()).containsExactlyInAnyOrder("objCode", "ID");
  }

  @Test
  void matches_subscriptionNotCovered_readsTheTree() {
    WorkfrontStreamReader r = new WorkfrontStreamReader(JSON, Set.of());
    assertThat(r.covers(STATUS)).isFalse();
    assertThat(r.matches(STATUS, bytes("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":\"CUR\"}}"))).isTrue();
  }

  static final List<String> INVALID = List.of(
      "",
      "   ",
      "[]",
      "\"x\"",
      "{",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"}} {}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"}} x",
      "{\"eventType\":\"UPDATE\",\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":{\"a\":1,\"a\":2}}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":[1,{\"a\":1,\"a\":2}]}}",
      "{\"eventType\":\"UPDATE\",\"x\":{\"a\":1,\"a\":2},\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":{\"a\":[{\"b\":1,\"b\":1}]}}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":" + members(40, 25) + "}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":" + members(40, 25) + "}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":[" + members(40, -1) + "," + members(30, 3) + "]}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":{\"a\":{\"b\":1},\"a\":2}}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":[1,2,}}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":1e2147483648}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":[{\"a\":-1e-2147483649}]}}",
      "{\"eventType\":\"UPDATE\",\"x\":1E+99999999999,\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":1" + "0".repeat(1000) + "}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":" + "[".repeat(600) + "]".repeat(600) + "}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":\"\\u00zz\"}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"skipped\":tru}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":{\"epochSecond\":1.5}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":{\"epochSecond\":9223372036854775807}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":[]}",
      "{\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"\",\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":5,\"newState\":{\"objCode\":\"TASK\"}}",
      "{\"eventType\":\"UPDATE\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":null}",
      "{\"eventType\":\"UPDATE\",\"newState\":[]}",
      "{\"eventType\":\"UPDATE\",\"newState\":{}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":5}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":1e1001}}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":7}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"!!!\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"WzFd\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"" + b64("{\"objCode\":\"TASK\"} 1") + "\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"" + b64("{\"objCode\":\"TASK\",\"s\":{\"a\":1,\"a\":1}}") + "\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":\"" + b64("{\"objCode\":\"TASK\",\"s\":1e2147483648}") + "\"}",
      "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":\"" + b64("{\"s\":[") + "\"}");

  /** An object of {@code n} members k0, k1, ..., member {@code dup} (if >= 0) repeating k0. */
  static String members(int n, int dup) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i == dup ? 0 : i).append("\":{\"k").append(i).append("\":").append(i).append('}');
    }
    return b.append('}').toString();
  }

  @Test
  void read_sameNamesInSiblingAndNestedObjects_notDuplicates() throws Exception {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS));
    String big = members(40, -1);
    String text = "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":[" + big + "," + big + "],\"x\":["
        + big + "," + big + ",{\"objCode\":1}],\"y\":" + big + ",\"k0\":{\"k0\":{\"k0\":1}}},\"oldState\":{\"objCode\":\"TASK\",\"x\":" + big + "}}";
    Event e = r.stream(bytes(text));
    assertThat(e).isNotNull();
    assertThat(((JsonNode) e.newState()).get("status")).isEqualTo(((JsonNode) JSON.readWorkfrontEvent(text).newState()).get("status"));
  }

  @Test
  void read_invalidPayloads_sameErrorAsTree() {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS));
    for (String text : INVALID) {
      Throwable tree = catchThrowable(() -> JSON.readWorkfrontEvent(bytes(text)));
      Throwable stream = catchThrowable(() -> r.read(bytes(text)));
      assertThat(tree).as("tree path on %s", text).isInstanceOf(InvalidEventException.class);
      assertThat(stream).as("stream path on %s", text).isInstanceOf(InvalidEventException.class);
      assertThat(((InvalidEventException) stream).problem()).as(text).isEqualTo(((InvalidEventException) tree).problem());
    }
  }

  @Test
  void read_limits_sameErrorAsTree() {
    SubfilterJson small = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(200).withMaxJsonDepth(5));
    WorkfrontStreamReader r = new WorkfrontStreamReader(small, Set.of("status"));
    for (String text : List.of(
        "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"x\":\"" + "y".repeat(300) + "\"}}",
        "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"x\":[[[[[[1]]]]]]}}",
        "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":[[[[[[1]]]]]]}}",
        "{\"eventType\":\"UPDATE\",\"newState\":\"" + b64("{\"objCode\":\"TASK\",\"x\":[[[[[[1]]]]]]}") + "\"}")) {
      InvalidEventException tree = (InvalidEventException) catchThrowable(() -> small.readWorkfrontEvent(bytes(text)));
      InvalidEventException stream = (InvalidEventException) catchThrowable(() -> r.read(bytes(text)));
      assertThat(tree).as(text).isNotNull();
      assertThat(stream).as(text).isNotNull();
      assertThat(stream.problem()).as(text).isEqualTo(tree.problem());
    }
  }

  /** Bytes of a payload whose skipped parts hold an encoded surrogate (ED A0 80), which is not UTF-8. */
  private static byte[] withSurrogate(String before, String after) {
    byte[] a = bytes(before);
    byte[] b = bytes(after);
    byte[] out = new byte[a.length + 3 + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = (byte) 0xED;
    out[a.length + 1] = (byte) 0xA0;
    out[a.length + 2] = (byte) 0x80;
    System.arraycopy(b, 0, out, a.length + 3, b.length);
    return out;
  }

  @Test
  void read_encodedSurrogateInSkippedStringOrName_failsAsTheTreeReaderDoes() {
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(STATUS));
    for (byte[] payload : List.of(
        withSurrogate("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":\"CUR\",\"note\":\"a", "b\"}}"),
        withSurrogate("{\"eventType\":\"UPDATE\",\"skipped\":[\"a", "\"],\"newState\":{\"objCode\":\"TASK\"}}"),
        withSurrogate("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"x", "\":1}}"),
        withSurrogate("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":\"\\u0041", "\"}}"))) {
      Throwable tree = org.assertj.core.api.Assertions.catchThrowable(() -> JSON.readWorkfrontEvent(payload));
      assertThat(tree).as("the tree reader rejects it").isInstanceOf(dev.subfilter.InvalidEventException.class);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> r.read(payload)))
          .isInstanceOf(dev.subfilter.InvalidEventException.class).hasMessage(tree.getMessage());
    }
  }
}
