package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast path returns an event only where the tree reader accepts the payload and builds the same
 * kept values (same node classes); for each rule of its subset it declines ({@code null}), and the
 * reader then still answers as the tree reader does.
 */
class FastWorkfrontScannerTest {
  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final Set<String> KEYS = Set.of("objCode", "ID", "status", "kept", "DE:Prio", "näme");
  private static final FastWorkfrontScanner SCANNER = new FastWorkfrontScanner(JSON, KEYS);
  private static final CompiledSubscription STATUS = JSON.readSubscription(
      "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"status\",\"fieldValue\":\"CUR\"}]}").compile();

  private static final String STATE = "{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"CUR\",\"name\":\"skipped\","
      + "\"nums\":[1,-2.5e-3,0,true,false,null],\"data\":{\"a\":{\"b\":[{}]},\"c\":\"d\"},\"DE:Prio\":\"high\"}";

  /** A payload whose newState holds {@code members} (after objCode and ID), oldState a copy of STATE. */
  private static String payload(String members) {
    return "{\"eventType\":\"UPDATE\",\"subscriptionId\":\"abc\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\""
        + (members.isEmpty() ? "" : "," + members) + "},\"oldState\":" + STATE
        + ",\"eventTime\":{\"nano\":5,\"epochSecond\":1700000000}}";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code payload(members)} with {@code raw} bytes inserted where {@code @} stands in {@code members}. */
  private static byte[] withBytes(String members, int... raw) {
    String[] parts = payload(members).split("@", 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(parts[0]));
    for (int r : raw) {
      out.write(r);
    }
    out.writeBytes(utf8(parts[1]));
    return out.toByteArray();
  }

  private static Event tree(byte[] b) {
    return JSON.readWorkfrontEvent(b);
  }

  /** The fast path accepts and agrees with the tree reader on every kept value, node class for node class. */
  private static Event accepted(byte[] b) {
    Event fast = SCANNER.scan(b);
    assertThat(fast).as("accepted: %s", new String(b, StandardCharsets.UTF_8)).isNotNull();
    Event tree = tree(b);
    WorkfrontStreamReaderProperties.sameKeptValues(fast, tree, KEYS);
    for (boolean old : new boolean[] {false, true}) {
      JsonNode f = (JsonNode) (old ? fast.oldState() : fast.newState());
      JsonNode t = (JsonNode) (old ? tree.oldState() : tree.newState());
      if (t != null) {
        f.properties().forEach(e -> sameNodes(e.getValue(), t.get(e.getKey())));
      }
    }
    assertThat(STATUS.matches(fast)).isEqualTo(STATUS.matches(tree));
    return fast;
  }

  /** The fast path declines; the reader still answers exactly as the tree reader. */
  private static void declined(byte[] b) {
    assertThat(SCANNER.scan(b)).as("declined: %s", new String(b, StandardCharsets.ISO_8859_1)).isNull();
    WorkfrontStreamReader reader = new WorkfrontStreamReader(JSON, KEYS);
    assertThat(outcome(() -> STATUS.matches(reader.read(b)))).isEqualTo(outcome(() -> STATUS.matches(tree(b))));
  }

  private static void declined(String s) {
    declined(utf8(s));
  }

  private static String outcome(java.util.function.Supplier<Boolean> call) {
    return WorkfrontStreamReaderProperties.outcome(call);
  }

  /** Equal trees whose nodes have the same classes throughout. */
  static void sameNodes(JsonNode a, JsonNode b) {
    assertThat(a).isEqualTo(b);
    Deque<JsonNode[]> todo = new ArrayDeque<>();
    todo.push(new JsonNode[] {a, b});
    while (!todo.isEmpty()) {
      JsonNode[] p = todo.pop();
      assertThat(p[0].getClass()).as("node class of %s", p[1]).isEqualTo(p[1].getClass());
      if (p[0].isContainerNode()) {
        Iterator<JsonNode> x = p[0].elements();
        Iterator<JsonNode> y = p[1].elements();
        while (x.hasNext()) {
          todo.push(new JsonNode[] {x.next(), y.next()});
        }
      }
    }
  }

  // ------------------------------------------------------------------ accepted

  @Test
  void scan_ordinaryPayload_returnsEventMatchingTreeEvent() {
    Event e = accepted(utf8(payload("\"status\":\"CUR\",\"other\":" + STATE)));
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objCode()).isEqualTo("TASK");
    assertThat(e.objId()).isEqualTo("t1");
    assertThat(e.eventTime()).isEqualTo(java.time.Instant.ofEpochSecond(1700000000, 5));
    assertThat(STATUS.matches(e)).isTrue();
    assertThat(((JsonNode) e.newState()).size()).as("only kept keys").isEqualTo(3);
    assertThat(((JsonNode) e.oldState()).size()).isEqualTo(4);
  }

  @Test
  void scan_whitespaceEverywhere_accepted() {
    accepted(utf8(" \t\r\n{ \"eventType\" : \"UPDATE\" ,\n\"newState\"\t:\r{ \"objCode\" : \"TASK\" , \"status\" : [ 1 , { } , [ ] ] ,"
        + " \"x\" : { \"a\" : [ true , null ] } } , \"oldState\" : null } \n\t "));
  }

  @Test
  void scan_oldStateMissingNullOrEmpty_likeTree() {
    assertThat(accepted(utf8("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"}}")).hasOldState()).isFalse();
    assertThat(accepted(utf8("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":null}")).hasOldState()).isFalse();
    assertThat(accepted(utf8("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":{}}")).hasOldState()).isTrue();
  }

  @Test
  void scan_keptScalarsOfEveryKind_sameNodesAsTree() {
    for (String v : List.of("\"CUR\"", "\"\"", "\"h\u00e9 \u20ac \ud83d\ude00 \u0080 \u07ff \u0800 \ud7ff \ue000 \uffff \udbff\udfff\"",
        "\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"",
        "0", "-0", "7", "-7", "2147483647", "-2147483648", "2147483648", "-2147483649", "123456789012345678",
        "-123456789012345678", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "-9223372036854775809", "12345678901234567890123456789012345678901234567890",
        "1.5", "-0.0", "0.10", "1e5", "1E+5", "1.0e-7", "-2.50E-10", "1e999999999", "1.5e-999999999", "0.000",
        "true", "false", "null")) {
      Event e = accepted(utf8(payload("\"kept\":" + v)));
      assertThat(((JsonNode) e.newState()).get("kept")).as(v).isNotNull();
    }
    JsonNode n = (JsonNode) accepted(utf8(payload("\"kept\":[1,2147483648,9223372036854775808,1.50,1E2]"))).newState();
    assertThat(n.get("kept").get(0)).isInstanceOf(IntNode.class);
    assertThat(n.get("kept").get(1)).isInstanceOf(LongNode.class);
    assertThat(n.get("kept").get(2)).isInstanceOf(BigIntegerNode.class);
    assertThat(n.get("kept").get(3)).isInstanceOf(DecimalNode.class);
    assertThat(n.get("kept").get(3).decimalValue().scale()).as("exact, not stripped").isEqualTo(2);
  }

  @Test
  void scan_keptContainers_sameNodesAsTree() {
    for (String v : List.of("{}", "[]", "[[],{}]", "{\"a\":{\"b\":[1,{\"c\":\"\u00e9\\n\"}]},\"d\":[true,null,-1.5e3]}",
        "[" + "[".repeat(200) + "1" + "]".repeat(200) + "]", "{\"\u00e9\":1,\"e\":2,\"\":3}")) {
      accepted(utf8(payload("\"kept\":" + v + ",\"DE:Prio\":" + v)));
    }
  }

  @Test
  void scan_nonAsciiNames_keptAndSkipped() {
    Event e = accepted(utf8(payload("\"näme\":\"x\",\"nämé\":{\"ü\":1,\"u\":2}")));
    assertThat(((JsonNode) e.newState()).get("näme").textValue()).isEqualTo("x");
  }

  @Test
  void scan_depthAtLimit_acceptedAndOverLimit_declined() {
    SubfilterJson small = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxJsonDepth(6));
    FastWorkfrontScanner s = new FastWorkfrontScanner(small, KEYS);
    // the payload is level 1, newState 2, kept 3: three more levels reach 6
    byte[] atLimit = utf8(payload("\"kept\":[[[[]]]]"));
    byte[] over = utf8(payload("\"kept\":[[[[[]]]]]"));
    byte[] overSkipped = utf8(payload("\"x\":{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}"));
    assertThat(s.scan(atLimit)).isNotNull();
    assertThat(small.readWorkfrontEvent(atLimit)).isNotNull();
    for (byte[] b : List.of(over, overSkipped)) {
      assertThat(s.scan(b)).isNull();
      assertThat(catchThrowable(() -> small.readWorkfrontEvent(b))).isInstanceOf(InvalidEventException.class);
    }
  }

  @Test
  void scan_documentAtMaxDocumentBytes_acceptedAndOneByteMore_declined() {
    byte[] b = utf8(payload(""));
    SubfilterJson exact = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(b.length));
    SubfilterJson shorter = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(b.length - 1));
    assertThat(new FastWorkfrontScanner(exact, KEYS).scan(b)).isNotNull();
    assertThat(new FastWorkfrontScanner(shorter, KEYS).scan(b)).isNull();
    assertThat(catchThrowable(() -> shorter.readWorkfrontEvent(b))).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void scan_largeObjectsWithoutDuplicates_accepted() {
    StringBuilder big = new StringBuilder("{");
    for (int i = 0; i < 2_000; i++) {
      big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    String o = big.append('}').toString();
    accepted(utf8(payload("\"x\":" + o + ",\"kept\":" + o)));
  }

  @Test
  void scan_namesAtMaxNameLength_acceptedAndLonger_declined() {
    accepted(utf8(payload("\"" + "n".repeat(50_000) + "\":1")));
    declined(payload("\"" + "n".repeat(50_001) + "\":1"));
  }

  @Test
  void scan_stringOverMaxStringLength_declined() {
    SubfilterJson large = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(64L << 20));
    FastWorkfrontScanner s = new FastWorkfrontScanner(large, KEYS);
    byte[] b = utf8(payload("\"x\":\"" + "s".repeat(20_000_001) + "\""));
    assertThat(s.scan(b)).isNull();
    assertThat(catchThrowable(() -> large.readWorkfrontEvent(b))).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void scan_eventTimeAbsentNullOrInvalid_likeTree() {
    assertThat(accepted(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":null}")).eventTime()).isNull();
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":{\"epochSecond\":1,\"nano\":1000000000}}");
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":{\"epochSecond\":1.5}}");
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":[1]}");
  }

  // ------------------------------------------------------------------ declined

  @Test
  void scan_unicodeEscape_declined() {
    declined(payload("\"status\":\"\\u0043UR\""));
    declined(payload("\"x\":\"\\ud800\""));
  }

  @Test
  void scan_overlongUtf8_declined() {
    declined(withBytes("\"x\":\"@\"", 0xC0, 0x80));
    declined(withBytes("\"x\":\"@\"", 0xC1, 0xBF));
    declined(withBytes("\"x\":\"@\"", 0xE0, 0x9F, 0xBF));
    declined(withBytes("\"x\":\"@\"", 0xF0, 0x8F, 0xBF, 0xBF));
  }

  @Test
  void scan_encodedSurrogate_declined() {
    // the tree reader rejects it; Jackson's stream path, which never decodes a skipped string, does not
    byte[] surrogate = withBytes("\"x\":\"@\"", 0xED, 0xA0, 0x80);
    assertThat(SCANNER.scan(surrogate)).isNull();
    assertThat(catchThrowable(() -> tree(surrogate))).isInstanceOf(InvalidEventException.class);
    declined(withBytes("\"@\":1", 0xED, 0xBF, 0xBF));
  }

  @Test
  void scan_truncatedUtf8Sequence_declined() {
    declined(withBytes("\"x\":\"@\"", 0xE2, 0x82));
    declined(withBytes("\"x\":\"@\"", 0xC3));
    declined(withBytes("\"x\":\"@\"", 0x80));
    byte[] b = utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"x\":\"\u20ac");
    declined(java.util.Arrays.copyOf(b, b.length - 1));
  }

  @Test
  void scan_bytesBeyondUnicode_declined() {
    declined(withBytes("\"x\":\"@\"", 0xF5, 0x80, 0x80, 0x80));
    declined(withBytes("\"x\":\"@\"", 0xF4, 0x90, 0x80, 0x80));
    declined(withBytes("\"x\":\"@\"", 0xFF));
  }

  @Test
  void scan_controlByteInString_declined() {
    declined(withBytes("\"x\":\"a@b\"", 0x01));
    declined(withBytes("\"x\":\"a@b\"", '\n'));
    declined(withBytes("\"@\":1", 0x1F));
  }

  @Test
  void scan_malformedNumbers_declined() {
    for (String n : List.of("01", "-01", "00", "1.", ".5", "+1", "-", "1.e5", "1e", "1e+", "--1", "NaN", "-Infinity", "Infinity",
        "0x10", "1_000", "1.5.5")) {
      declined(payload("\"x\":" + n));
      declined(payload("\"kept\":[" + n + "]"));
    }
  }

  @Test
  void scan_numbersOutsideTheSubset_declined() {
    declined(payload("\"x\":1" + "0".repeat(100)));
    declined(payload("\"x\":1e2147483648"));
    declined(payload("\"kept\":1e0000000001"));
    accepted(utf8(payload("\"kept\":1" + "0".repeat(99))));
  }

  @Test
  void scan_trailingCommas_declined() {
    declined(payload("\"x\":[1,]"));
    declined(payload("\"x\":{\"a\":1,}"));
    declined(payload("\"kept\":1,"));
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},}");
  }

  @Test
  void scan_brokenGrammar_declined() {
    for (String bad : List.of("[1 2]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{1:2}", "[}", "{]", "tru", "nul", "truex", "'x'", "\"x", "[1", "{\"a\"")) {
      declined(payload("\"x\":" + bad));
    }
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"}");
    declined("");
    declined("   ");
    declined("[]");
  }

  @Test
  void scan_duplicateNames_declined() {
    declined(payload("\"x\":{\"a\":{\"b\":1,\"c\":2,\"b\":3}}"));
    declined(payload("\"x\":[{\"a\":1},{\"b\":1,\"b\":1}]"));
    declined(payload("\"status\":\"CUR\",\"status\":\"NEW\""));
    declined(payload("\"x\":1,\"x\":1"));
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventType\":\"UPDATE\"}");
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"z\":{\"\":1,\"\":2}}");
  }

  @Test
  void scan_duplicateInLargeObject_declined() {
    StringBuilder big = new StringBuilder("{");
    for (int i = 0; i < 2_000; i++) {
      big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    declined(payload("\"x\":" + big + ",\"k1234\":0}"));
    declined(payload("\"kept\":" + big + ",\"k7\":0}"));
  }

  @Test
  void scan_duplicateNamesInOtherObjects_accepted() {
    accepted(utf8(payload("\"x\":{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}")));
  }

  @Test
  void scan_byteOrderMark_declined() {
    byte[] b = utf8(payload(""));
    byte[] bom = new byte[b.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(b, 0, bom, 3, b.length);
    declined(bom);
  }

  @Test
  void scan_trailingGarbage_declined() {
    for (String tail : List.of("x", "{}", "}", ",", "0", "\u0000", "/* */")) {
      declined(payload("") + tail);
      declined(payload("") + " \n" + tail);
    }
  }

  @Test
  void scan_base64States_declinedAndStreamed() {
    String b64 = Base64.getEncoder().encodeToString(utf8(STATE));
    declined("{\"eventType\":\"UPDATE\",\"newState\":\"" + b64 + "\"}");
    declined("{\"eventType\":\"UPDATE\",\"newState\":" + STATE + ",\"oldState\":\"" + b64 + "\"}");
    assertThat(new WorkfrontStreamReader(JSON, KEYS).read(utf8("{\"eventType\":\"UPDATE\",\"newState\":\"" + b64 + "\"}")).objId())
        .isEqualTo("t1");
  }

  @Test
  void scan_escapedName_declined() {
    declined(payload("\"st\\\"atus\":\"CUR\""));
    declined(payload("\"x\":{\"a\\nb\":1}"));
    declined("{\"event\\/Type\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"}}");
  }

  @Test
  void scan_eventTypeNotAPlainString_declined() {
    for (String t : List.of("\"\"", "\"UP\\tDATE\"", "1", "null", "[\"UPDATE\"]")) {
      declined("{\"eventType\":" + t + ",\"newState\":{\"objCode\":\"TASK\"}}");
    }
    declined("{\"newState\":{\"objCode\":\"TASK\"}}");
  }

  @Test
  void scan_statesOfOtherTypes_declined() {
    for (String s : List.of("null", "1", "[]", "true")) {
      declined("{\"eventType\":\"UPDATE\",\"newState\":" + s + "}");
    }
    for (String s : List.of("1", "[]", "true", "\"\"")) {
      declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"oldState\":" + s + "}");
    }
  }

  @Test
  void scan_stateWithoutObjCode_declined() {
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"ID\":\"t1\"}}");
    declined("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":1}}");
  }

  @Test
  void scan_keysUtf8CannotCarry_neverMatched() {
    FastWorkfrontScanner s = new FastWorkfrontScanner(JSON, Set.of("objCode", "ID", "\ud800", "?"));
    Event e = s.scan(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"?\":1}}"));
    assertThat(((JsonNode) e.newState()).properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("objCode", "?");
  }

  @Test
  void read_fastPathFirst_thenStreamThenTree() {
    WorkfrontStreamReader r = new WorkfrontStreamReader(JSON, KEYS);
    byte[] plain = utf8(payload("\"status\":\"CUR\""));
    byte[] escaped = utf8(payload("\"status\":\"\\u0043UR\""));
    byte[] invalid = utf8(payload("\"status\":01"));
    assertThat(SCANNER.scan(plain)).isNotNull();
    assertThat(STATUS.matches(r.read(plain))).isTrue();
    assertThat(STATUS.matches(r.read(escaped))).as("declined by the scanner, read by the stream").isTrue();
    assertThat(catchThrowable(() -> r.read(invalid))).isInstanceOf(InvalidEventException.class)
        .hasMessage(catchThrowable(() -> tree(invalid)).getMessage());
  }

  @Test
  void scan_secondStateRepeatsValues_reusesOnlyByteForByteEqualStringsAndContainers() {
    String shared = "\"ID\":\"t1\",\"status\":\"CUR\",\"kept\":{\"a\":[1,{\"b\":\"c\"}]}";
    // same bytes in both states: the old state's nodes are the new state's
    Event same = accepted(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"," + shared
        + "},\"oldState\":{\"objCode\":\"TASK\"," + shared + "}}"));
    JsonNode n = (JsonNode) same.newState();
    JsonNode o = (JsonNode) same.oldState();
    assertThat(o.get("kept")).isSameAs(n.get("kept"));
    assertThat(o.get("status")).isSameAs(n.get("status"));
    assertThat(STATUS.matches(same)).isTrue();

    // differing in the last byte of a container, or a string that is a prefix, or a number that is a prefix: built anew
    Event differ = accepted(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":12,\"status\":\"CU\","
        + "\"kept\":{\"a\":[1,{\"b\":\"c\"}]}},\"oldState\":{\"objCode\":\"TASK\",\"ID\":123,\"status\":\"CUR\","
        + "\"kept\":{\"a\":[1,{\"b\":\"d\"}]}}}"));
    assertThat(((JsonNode) differ.oldState()).get("kept")).isNotEqualTo(((JsonNode) differ.newState()).get("kept"));
    assertThat(((JsonNode) differ.oldState()).get("ID").asInt()).isEqualTo(123);
    assertThat(((JsonNode) differ.oldState()).get("status").asText()).isEqualTo("CUR");

    // a repeated value still counts where the second state breaks the grammar after it
    assertThat(SCANNER.scan(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"status\":\"CUR\"},"
        + "\"oldState\":{\"objCode\":\"TASK\",\"status\":\"CUR\"x}}"))).isNull();
    // and a repeated container with a duplicate name is declined in the first state already
    assertThat(SCANNER.scan(utf8("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"kept\":{\"a\":1,\"a\":2}},"
        + "\"oldState\":{\"objCode\":\"TASK\",\"kept\":{\"a\":1,\"a\":2}}}"))).isNull();
  }

  @Test
  void scan_keptKeysOfEveryLength_keptAndOthersSkipped() {
    String k63 = "k".repeat(63);
    String k64 = "k".repeat(64);
    String k200 = "k".repeat(200);
    FastWorkfrontScanner scanner = new FastWorkfrontScanner(JSON, Set.of("objCode", "ID", k63, k64, k200));
    String state = "{\"objCode\":\"TASK\",\"ID\":\"t1\",\"" + k63 + "\":1,\"" + k64 + "\":2,\"" + k200 + "\":3,"
        + "\"" + "k".repeat(65) + "\":4,\"" + "k".repeat(199) + "\":5,\"kk\":6}";
    Event e = scanner.scan(utf8("{\"eventType\":\"UPDATE\",\"newState\":" + state + "}"));
    assertThat(e).isNotNull();
    JsonNode n = (JsonNode) e.newState();
    assertThat(n.get(k63).asInt()).isEqualTo(1);
    assertThat(n.get(k64).asInt()).as("64 bytes and more share one length bit").isEqualTo(2);
    assertThat(n.get(k200).asInt()).isEqualTo(3);
    assertThat(n.size()).as("names of other lengths, or of a kept length but other bytes, are skipped").isEqualTo(5);
  }
}
