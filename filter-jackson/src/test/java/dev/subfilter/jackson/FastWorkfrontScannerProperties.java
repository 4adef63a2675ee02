package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import dev.subfilter.jackson.JsonText.Raw;
import dev.subfilter.jackson.WorkfrontStreamReaderProperties.Extra;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path's invariant: whenever {@link FastWorkfrontScanner#scan} returns an event, the tree
 * reader accepts the payload and every covered subscription matches the scanned event exactly when
 * it matches the tree's (the kept values being equal, node class for node class). Generated plain
 * payloads are accepted; generated, mutated and random ones may be declined but never wrongly
 * accepted, and the scanner never throws.
 */
class FastWorkfrontScannerProperties {
  private static final SubfilterJson JSON = SubfilterJson.create();

  /** eventTime members the generated payloads may carry: none, null, valid, and ones the tree rejects. */
  private static final List<Object> EVENT_TIMES = java.util.Arrays.asList(
      null, new Raw("null"), new Raw("{\"epochSecond\":1700000000,\"nano\":5}"), new Raw("{\"nano\":0,\"epochSecond\":-5,\"x\":[1]}"),
      new Raw("{\"epochSecond\":1700000000}"), new Raw("{\"epochSecond\":1.5}"), new Raw("{\"epochSecond\":1,\"nano\":1000000000}"),
      new Raw("{\"epochSecond\":9223372036854775808}"), new Raw("[1]"), new Raw("\"2024-01-01T00:00:00Z\""));

  @Provide
  Arbitrary<SubscriptionCase> subscriptionCases() {
    return SubscriptionArbitraries.subscriptionCase();
  }

  @Provide
  Arbitrary<Subscription> subscriptions() {
    return SubscriptionArbitraries.subscription();
  }

  @Provide
  Arbitrary<Map<String, Extra>> extraMembers() {
    return WorkfrontStreamReaderProperties.extras();
  }

  @Provide
  Arbitrary<Integer> styles() {
    return Arbitraries.of(-1, -1, -1, -1, -1, 0, 2);
  }

  @Provide
  Arbitrary<Object> eventTimes() {
    // mostly absent or valid, so that enough payloads are valid
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(null)), Tuple.of(4, Arbitraries.of(EVENT_TIMES.subList(1, 4))),
        Tuple.of(2, Arbitraries.of(EVENT_TIMES)));
  }

  @SuppressWarnings("unchecked")
  private static String text(SubscriptionCase sc, int style, boolean unknownAsNull, Map<String, Extra> inNew, Map<String, Extra> inOld,
      Map<String, Extra> top, Object eventTime) {
    Map<String, Object> doc = (Map<String, Object>) WorkfrontStreamReaderProperties.payload(sc.event(), style, unknownAsNull, inNew, inOld, top);
    if (eventTime != null) {
      doc.put("eventTime", eventTime);
    }
    return JsonText.write(doc);
  }

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");
  private static final Pattern NUMBERS = Pattern.compile("-?[0-9][0-9.]*(?:[eE][+-]?([0-9]+))?");

  /**
   * Whether valid JSON text lies in the scanner's subset as far as the text shows: no backslash-u
   * escape, no number longer than 100 characters or with more than nine exponent digits.
   */
  static boolean plain(String text) {
    if (text.contains("\\u")) {
      return false;
    }
    Matcher m = NUMBERS.matcher(STRINGS.matcher(text).replaceAll("\"\""));
    while (m.find()) {
      if (m.end() - m.start() > 100 || (m.group(1) != null && m.group(1).length() > 9)) {
        return false;
      }
    }
    return true;
  }

  private static Event treeOrNull(byte[] bytes) {
    try {
      return JSON.readWorkfrontEvent(bytes);
    } catch (InvalidEventException e) {
      return null;
    }
  }

  /** The scanned event equals the tree's for every kept key, node class for node class, and both subscriptions match alike. */
  private static void sameAsTree(Event fast, Event tree, Set<String> keys, CompiledSubscription... subscriptions) {
    WorkfrontStreamReaderProperties.sameKeptValues(fast, tree, keys);
    for (boolean old : new boolean[] {false, true}) {
      JsonNode f = (JsonNode) (old ? fast.oldState() : fast.newState());
      JsonNode t = (JsonNode) (old ? tree.oldState() : tree.newState());
      if (t != null) {
        f.properties().forEach(e -> FastWorkfrontScannerTest.sameNodes(e.getValue(), t.get(e.getKey())));
      }
    }
    for (CompiledSubscription c : subscriptions) {
      assertThat(c.matches(fast)).as("matches %s", c).isEqualTo(c.matches(tree));
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void scan_generatedPayloads_plainOnesAcceptedAndAcceptedOnesMatchLikeTree(
      @ForAll("subscriptionCases") SubscriptionCase sc, @ForAll("styles") int style, @ForAll boolean unknownAsNull,
      @ForAll("extraMembers") Map<String, Extra> inNew, @ForAll("extraMembers") Map<String, Extra> inOld,
      @ForAll("extraMembers") Map<String, Extra> top, @ForAll("eventTimes") Object eventTime, @ForAll("subscriptions") Subscription other) {
    CompiledSubscription c = sc.subscription().compile();
    CompiledSubscription o = other.compile();
    Set<String> keys = WorkfrontStreamReader.forSubscriptions(JSON, List.of(c, o)).stateKeys();
    String text = text(sc, style, unknownAsNull, inNew, inOld, top, eventTime);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    Event fast = new FastWorkfrontScanner(JSON, keys).scan(bytes);
    Event tree = treeOrNull(bytes);
    if (fast != null) {
      assertThat(tree).as("the tree reader accepts what the scanner accepts").isNotNull();
      sameAsTree(fast, tree, keys, c, o);
    } else if (tree != null && style < 0) {
      assertThat(plain(text)).as("a plain valid payload is scanned: %s", text.length() > 3_000 ? text.substring(0, 3_000) : text).isFalse();
    }

    String verdict = fast != null ? "accepted" : tree == null ? "declined (invalid)" : style >= 0 ? "declined (base64)" : "declined (not plain)";
    Statistics.label("scanner").collect(verdict);
    Statistics.label("scanner").coverage(cov -> {
      cov.check("accepted").percentage(p -> p > 10);
      cov.check("declined (invalid)").count((Integer n) -> n > 0);
      cov.check("declined (base64)").count((Integer n) -> n > 0);
    });
  }

  // ------------------------------------------------------------------ mutated and random input

  /** Bytes JSON's grammar, escapes, UTF-8 and the scanner's limits hinge on. */
  private static final byte[] NASTY;

  static {
    String ascii = "{}[]\":,.-+eE0159 \t\n\r\\/ubfnrtlsax";
    int[] raw = {0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    NASTY = new byte[ascii.length() + raw.length];
    for (int i = 0; i < ascii.length(); i++) {
      NASTY[i] = (byte) ascii.charAt(i);
    }
    for (int i = 0; i < raw.length; i++) {
      NASTY[ascii.length() + i] = (byte) raw[i];
    }
  }

  /** One byte-level edit: replace, insert, delete or truncate at a position (modulo the length). */
  record Edit(int kind, int position, byte value) {
    byte[] apply(byte[] b) {
      if (b.length == 0) {
        return new byte[] {value};
      }
      int p = Math.floorMod(position, b.length);
      return switch (kind) {
        case 0 -> {
          byte[] out = b.clone();
          out[p] = value;
          yield out;
        }
        case 1 -> {
          byte[] out = new byte[b.length + 1];
          System.arraycopy(b, 0, out, 0, p);
          out[p] = value;
          System.arraycopy(b, p, out, p + 1, b.length - p);
          yield out;
        }
        case 2 -> {
          byte[] out = new byte[b.length - 1];
          System.arraycopy(b, 0, out, 0, p);
          System.arraycopy(b, p + 1, out, p, b.length - p - 1);
          yield out;
        }
        default -> java.util.Arrays.copyOf(b, p);
      };
    }
  }

  /** A generated plain payload (eventTime included) with one to three byte edits. */
  @Provide
  Arbitrary<byte[]> editedPayloads() {
    Arbitrary<byte[]> plain = Combinators.combine(subscriptionCases(), Arbitraries.of(false, true), eventTimes())
        .as((sc, asNull, time) -> text(sc, -1, asNull, Map.of(), Map.of(), Map.of(), time).getBytes(StandardCharsets.UTF_8));
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(1, 3)),
            Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, NASTY.length - 1))
        .as((k, p, v) -> new Edit(k, p, NASTY[v]));
    return Combinators.combine(plain, edit.list().ofMinSize(1).ofMaxSize(3)).as((b, edits) -> {
      for (Edit e : edits) {
        b = e.apply(b);
      }
      return b;
    });
  }

  /** Edited payloads, mutated documents (both test classes' mutations), random JSON text and random bytes. */
  @Provide
  Arbitrary<byte[]> brokenInputs() {
    RobustnessProperties robustness = new RobustnessProperties();
    WorkfrontStreamReaderProperties stream = new WorkfrontStreamReaderProperties();
    return Arbitraries.frequencyOf(
        Tuple.of(6, editedPayloads()),
        Tuple.of(2, stream.mutatedPayloads().map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(2, robustness.mutatedEvents().map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(1, robustness.randomJsonText().map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(1, robustness.randomBytes()));
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void scan_brokenOrRandomInput_acceptsOnlyWhatTreeAcceptsAndAgrees(@ForAll("brokenInputs") byte[] bytes, @ForAll("subscriptions") Subscription s) {
    Event tree = treeOrNull(bytes);
    // gated for the tree's event when there is one, so that matching reaches the filters
    CompiledSubscription c = (tree == null ? s
        : new Subscription(tree.objCode(), tree.eventType(), null, s.filterConnector(), s.filters(), Map.of())).compile();
    Set<String> keys = new HashSet<>(c.stateKeys());
    keys.addAll(RobustnessProperties.KEYS);
    Event fast = new FastWorkfrontScanner(JSON, keys).scan(bytes);
    if (fast != null) {
      assertThat(tree).as("the tree reader accepts what the scanner accepts: %s", new String(bytes, StandardCharsets.ISO_8859_1)).isNotNull();
      sameAsTree(fast, tree, keys, c);
    }

    Statistics.label("scanner").collect(fast != null ? "accepted" : tree != null ? "declined, tree accepts" : "declined, tree rejects");
    Statistics.label("scanner").coverage(cov -> {
      cov.check("accepted").percentage(p -> p > 5);
      cov.check("declined, tree rejects").percentage(p -> p > 5);
    });
  }
}
