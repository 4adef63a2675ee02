package dev.subfilter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic Workfront workload: webhook payloads (JSON bytes, about 1.6 KB each) and
 * subscription sets, drawn from one seed. The same seed always gives the same bytes and the same
 * subscriptions, on every JVM (only {@link SplittableRandom} and fixed tables are used).
 *
 * <p>Events: TASK (50 %), OPTASK (25 %), PROJ (25 %); CREATE ~20 %, UPDATE ~70 %, DELETE ~10 %;
 * statuses CUR/NEW/CPL/INP; priorities 0–4; 32-hex ids drawn from pools of a few hundred owners,
 * groups, projects and customers; {@code accessorIDs} arrays; Workfront dates such as {@code
 * 2017-10-06T13:48:07.776-0600}; {@code parameterValues} custom fields ({@code DE:} names); a
 * nested {@code data} object and an {@code options} array of objects. An UPDATE changes one to
 * three fields of the old state; a CREATE has {@code oldState: {}}; a DELETE carries the last state
 * in both.
 *
 * <p>Subscriptions mix every comparison ({@code eq ne gt gte lt lte contains notContains
 * containsOnly changed exists notExists}), {@code oldState} filters, nested {@code fields} and
 * {@code objects} values, OR groups, a top-level OR connector and objId pins. Each is built from a
 * selective "anchor" (an owner, project, customer or group id, an objId, a rare name word) plus
 * broader conditions, so that at 10,000 subscriptions a typical event matches a handful.
 *
 * <p>{@link Style#EXTENDED} is the same workload with most id anchors written with the extended
 * operators (a 12-character prefix or suffix of the id, a two-id {@code in} list, the id in upper
 * case with {@code ignoreCase}, a {@code like} pattern of its first and last six characters), some
 * {@code ne} pairs as a {@code notIn} list and some {@code contains} words in upper case with
 * {@code ignoreCase}; {@link Style#EQ_TWIN} is that set written with {@code eq} (and an OR group
 * of two eqs for an in list, two {@code ne}s for a notIn list): both match the same events (the
 * ids' prefixes and suffixes are unique in their pools, names are lower case), which {@code
 * ExtendedWorkloadTest} checks, so the two cost the same work to answer.
 */
public final class Workload {
  /** The seed every benchmark uses. */
  public static final long SEED = 0x5EB_F117E5L;

  public static final List<String> STATUSES = List.of("CUR", "NEW", "CPL", "INP");
  public static final List<String> REGIONS = List.of("EMEA", "AMER", "APAC", "LATAM");

  /** How the subscriptions' anchors are written. */
  public enum Style {
    /** With eq, as in every other benchmark. */
    STANDARD,
    /** With startsWith, endsWith, like, in, notIn and ignoreCase where STANDARD has eq (and ne, contains). */
    EXTENDED,
    /** The EXTENDED set with every extended condition written with eq (or ne, contains): the same matches. */
    EQ_TWIN,
    /**
     * The STANDARD set with every {@link #LOOSE_EVERY}th subscription (12.5 %, also of any prefix
     * of 8 or more) replaced by a loose one: nothing to anchor on, only ranges on numbers and
     * date-times, {@code ne}, {@code changed}, {@code exists}/{@code notExists}, or ORs of those.
     */
    LOOSE
  }

  /** In {@link Style#LOOSE}, subscription {@code i} is loose when {@code i % LOOSE_EVERY == LOOSE_EVERY - 1}. */
  public static final int LOOSE_EVERY = 8;

  /** Field kinds of newState as generated: which translations to event-ruler are exact. */
  public enum Kind { STRING, NUMBER, DATE, ARRAY, OBJECT }

  /** The top-level state fields subscriptions read, with their kinds. */
  public static final Map<String, Kind> FIELDS;

  static {
    Map<String, Kind> f = new LinkedHashMap<>();
    for (String s : List.of("name", "status", "ownerID", "groupID", "projectID", "customerID",
        "lastUpdatedByID")) {
      f.put(s, Kind.STRING);
    }
    for (String s : List.of("priority", "percentComplete", "workRequired", "referenceNumber")) {
      f.put(s, Kind.NUMBER);
    }
    for (String s : List.of("plannedCompletionDate", "lastUpdateDate")) {
      f.put(s, Kind.DATE);
    }
    f.put("accessorIDs", Kind.ARRAY);
    f.put("data", Kind.OBJECT);
    f.put("options", Kind.OBJECT);
    f.put("parameterValues", Kind.OBJECT);
    FIELDS = Collections.unmodifiableMap(f);
  }

  static final String[] WORDS = {
      "alpha", "review", "launch", "budget", "design", "audit", "kickoff", "migration", "release", "invoice",
      "onboarding", "training", "security", "report", "campaign", "legal", "vendor", "support", "backlog", "sprint",
      "roadmap", "hiring", "survey", "payroll", "cleanup", "upgrade", "pilot", "renewal", "contract", "webinar",
      "mobile", "portal", "analytics", "quarterly", "translation", "packaging", "printing", "shipping", "catalog", "pricing"};

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter WF_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final ZoneOffset MDT = ZoneOffset.ofHours(-6);
  private static final long BASE_EPOCH = 1_507_319_336L; // 2017-10-06

  private final long seed;
  final List<String> owners;
  final List<String> groups;
  final List<String> projects;
  final List<String> customers;
  final List<String> objects;

  public Workload(long seed) {
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed);
    owners = pool(r, 300, "0000142");
    groups = pool(r, 200, "0000140");
    projects = pool(r, 400, "000002a");
    customers = pool(r, 200, "0000135");
    objects = pool(r, 3000, "000012c");
  }

  /** The workload of {@link #SEED}. */
  public static Workload standard() {
    return new Workload(SEED);
  }

  private static List<String> pool(SplittableRandom r, int n, String infix) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(hex(r, 8) + infix + hex(r, 17));
    }
    return List.copyOf(out);
  }

  private static String hex(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }

  private static <T> T pick(SplittableRandom r, List<T> l) {
    return l.get(r.nextInt(l.size()));
  }

  private static <T> T pick(SplittableRandom r, T[] l) {
    return l[r.nextInt(l.length)];
  }

  // ------------------------------------------------------------------ events

  /** {@code n} Workfront payloads as UTF-8 JSON bytes; deterministic in (seed, n). */
  public List<byte[]> events(int n) {
    SplittableRandom r = new SplittableRandom(seed ^ 0xE7E27L);
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(bytes(event(r, i)));
    }
    return out;
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String objCode(SplittableRandom r) {
    int k = r.nextInt(4);
    return k < 2 ? "TASK" : k == 2 ? "OPTASK" : "PROJ";
  }

  static String eventType(SplittableRandom r) {
    int k = r.nextInt(10);
    return k < 2 ? "CREATE" : k < 9 ? "UPDATE" : "DELETE";
  }

  private String date(SplittableRandom r, long baseOffsetDays) {
    long epochMs = (BASE_EPOCH + baseOffsetDays * 86_400L + r.nextInt(86_400 * 60)) * 1000L + r.nextInt(1000);
    return WF_DATE.format(Instant.ofEpochMilli(epochMs).atOffset(MDT));
  }

  private String name(SplittableRandom r) {
    return pick(r, WORDS) + " " + pick(r, WORDS) + " " + pick(r, WORDS) + " #" + (1000 + r.nextInt(9000));
  }

  private ObjectNode state(SplittableRandom r, String objCode, String id) {
    ObjectNode s = NODES.objectNode();
    s.put("ID", id);
    s.put("name", name(r));
    s.put("objCode", objCode);
    s.put("lastUpdateDate", date(r, 0));
    s.put("plannedCompletionDate", date(r, 40));
    ArrayNode acc = s.putArray("accessorIDs");
    int na = 1 + r.nextInt(2);
    for (int i = 0; i < na; i++) {
      acc.add(pick(r, owners));
    }
    s.put("groupID", pick(r, groups));
    s.put("ownerID", pick(r, owners));
    s.put("lastUpdatedByID", pick(r, owners));
    s.put("projectID", pick(r, projects));
    s.put("customerID", pick(r, customers));
    s.putNull("description");
    s.put("status", pick(r, STATUSES));
    s.put("priority", r.nextInt(5));
    s.put("percentComplete", r.nextInt(101));
    s.put("workRequired", 60 * r.nextInt(40));
    s.put("referenceNumber", 1000 + r.nextInt(90000));
    ObjectNode data = s.putObject("data");
    data.put("customerID", s.get("customerID").asText());
    data.put("region", pick(r, REGIONS));
    ArrayNode options = s.putArray("options");
    int no = 1;
    for (int i = 0; i < no; i++) {
      ObjectNode o = options.addObject();
      o.put("projectID", pick(r, projects));
      o.put("label", pick(r, WORDS));
    }
    ObjectNode pv = s.putObject("parameterValues");
    pv.put("DE:Region", pick(r, REGIONS));
    pv.put("DE:Team", pick(r, WORDS));
    pv.put("DE:Budget", String.valueOf(100 * r.nextInt(50)));
    if (r.nextInt(3) == 0) {
      pv.put("DE:Approved", r.nextBoolean() ? "yes" : "no");
    }
    return s;
  }

  private JsonNode event(SplittableRandom r, int i) {
    String objCode = objCode(r);
    String type = eventType(r);
    ObjectNode e = NODES.objectNode();
    e.put("eventType", type);
    e.put("subscriptionId", hex(r, 32));
    ObjectNode t = e.putObject("eventTime");
    t.put("nano", 1000 * r.nextInt(1_000_000));
    t.put("epochSecond", BASE_EPOCH + i);
    ObjectNode s = state(r, objCode, pick(r, objects));
    e.set("newState", s);
    switch (type) {
      case "CREATE" -> e.putObject("oldState");
      case "DELETE" -> e.set("oldState", s.deepCopy());
      default -> {
        ObjectNode old = s.deepCopy();
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes; c++) {
          switch (r.nextInt(7)) {
            case 0, 1 -> old.put("status", pick(r, STATUSES));
            case 2 -> old.put("priority", r.nextInt(5));
            case 3 -> old.put("name", name(r));
            case 4 -> old.put("ownerID", pick(r, owners));
            case 5 -> old.put("percentComplete", r.nextInt(101));
            default -> old.put("plannedCompletionDate", date(r, 40));
          }
        }
        e.set("oldState", old);
      }
    }
    return e;
  }

  // ------------------------------------------------------------------ subscriptions

  /**
   * {@code n} subscriptions as Workfront JSON, keyed by their {@code id} ({@code s00000}, ...), in
   * order; deterministic in (seed, n), and the first {@code k} of {@code subscriptions(n)} are
   * {@code subscriptions(k)}.
   */
  public Map<String, String> subscriptions(int n) {
    return subscriptions(n, Style.STANDARD);
  }

  /** {@link #subscriptions(int)} written in {@code style}; the STANDARD style is {@code subscriptions(n)}. */
  public Map<String, String> subscriptions(int n, Style style) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5CB5L);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("s%05d", i);
      ObjectNode s = subscription(r.split(), id, i == 0, style);
      out.put(id, new String(bytes(s), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Parsed and compiled subscriptions by id. */
  public static Map<String, CompiledSubscription> compile(SubfilterJson json, Map<String, String> subscriptions) {
    Map<String, CompiledSubscription> out = new LinkedHashMap<>();
    subscriptions.forEach((id, text) -> out.put(id, json.readSubscription(text).compile()));
    return out;
  }

  /** Parsed subscriptions by id. */
  public static Map<String, Subscription> parse(SubfilterJson json, Map<String, String> subscriptions) {
    Map<String, Subscription> out = new LinkedHashMap<>();
    subscriptions.forEach((id, text) -> out.put(id, json.readSubscription(text)));
    return out;
  }

  private static ObjectNode cond(String field, String comparison, JsonNode value) {
    ObjectNode f = NODES.objectNode();
    f.put("fieldName", field);
    if (value != null) {
      f.set("fieldValue", value);
    }
    f.put("comparison", comparison);
    return f;
  }

  private static ObjectNode cond(String field, String comparison, String value) {
    return cond(field, comparison, NODES.textNode(value));
  }

  private static ObjectNode cond(String field, String comparison, int value) {
    return cond(field, comparison, NODES.numberNode(value));
  }

  private static ObjectNode group(String connector, ObjectNode... filters) {
    ObjectNode g = NODES.objectNode();
    g.put("type", "group");
    g.put("connector", connector);
    ArrayNode a = g.putArray("filters");
    for (ObjectNode f : filters) {
      a.add(f);
    }
    return g;
  }

  private ObjectNode anchor(SplittableRandom r, Style style) {
    return switch (r.nextInt(5)) {
      case 0 -> idIs(r, "ownerID", owners, style);
      case 1 -> idIs(r, "projectID", projects, style);
      case 2 -> idIs(r, "customerID", customers, style);
      case 3 -> idIs(r, "lastUpdatedByID", owners, style);
      default -> idIs(r, "groupID", groups, style);
    };
  }

  /**
   * {@code field eq} an id of {@code pool}; in the extended styles (the same draws for both) 88 %
   * of these are rewritten: a prefix (28 %), an in list of two ids (22 %), ignoreCase (22 %), a
   * suffix (8 %), a like pattern (8 %); EQ_TWIN writes each with eq.
   */
  private ObjectNode idIs(SplittableRandom r, String field, List<String> pool, Style style) {
    String v = pick(r, pool);
    if (style == Style.STANDARD) {
      return cond(field, "eq", v);
    }
    int how = r.nextInt(100);
    String other = pick(r, pool);
    if (style == Style.EQ_TWIN) {
      return how >= 28 && how < 50 ? group("OR", cond(field, "eq", v), cond(field, "eq", other)) : cond(field, "eq", v);
    }
    if (how < 28) {
      return cond(field, "startsWith", v.substring(0, 12));
    }
    if (how < 50) {
      return cond(field, "in", NODES.arrayNode().add(v).add(other));
    }
    if (how < 72) {
      ObjectNode c = cond(field, "eq", v.toUpperCase(java.util.Locale.ROOT));
      c.put("ignoreCase", true);
      return c;
    }
    if (how < 80) {
      return cond(field, "endsWith", v.substring(v.length() - 12));
    }
    if (how < 88) {
      return cond(field, "like", v.substring(0, 6) + "*" + v.substring(v.length() - 6));
    }
    return cond(field, "eq", v);
  }

  /** Whether subscription {@code id} ({@code s00007}, ...) is a loose one in {@link Style#LOOSE}. */
  public static boolean loose(String id) {
    return Integer.parseInt(id.substring(1)) % LOOSE_EVERY == LOOSE_EVERY - 1;
  }

  /**
   * A loose subscription's filters: what real accounts write without an id ("every TASK whose
   * priority is above 3", "status changed"), each matching a few to a few tens of percent of the
   * events of its gate.
   */
  private void loose(SplittableRandom r, ObjectNode s, ArrayNode f) {
    switch (r.nextInt(12)) {
      case 0 -> f.add(r.nextBoolean() ? cond("priority", "gt", 3) : cond("priority", "gte", 4)); // "priority above 3"
      case 1 -> f.add(cond("percentComplete", r.nextBoolean() ? "gte" : "gt", 85 + r.nextInt(15)));
      case 2 -> { // a band of reference numbers
        int lo = 1000 + r.nextInt(85_000);
        f.add(cond("referenceNumber", "gte", lo));
        f.add(cond("referenceNumber", r.nextBoolean() ? "lt" : "lte", lo + 2000 + r.nextInt(4000)));
      }
      case 3 -> f.add(cond("workRequired", r.nextBoolean() ? "lt" : "lte", 60 * (1 + r.nextInt(4))));
      case 4 -> f.add(cond("plannedCompletionDate", "gt", date(r, 90)));
      case 5 -> { // a window of last updates
        f.add(cond("lastUpdateDate", "gte", date(r, 40)));
        f.add(cond("lastUpdateDate", "lt", date(r, 55)));
      }
      case 6 -> { // ne with a range
        f.add(cond("status", "ne", pick(r, STATUSES)));
        f.add(cond("priority", "gte", 4));
      }
      case 7 -> f.add(cond(pick(r, new String[] {"status", "ownerID", "priority", "name"}), "changed", (JsonNode) null));
      case 8 -> { // a custom field's presence with a range
        f.add(cond("DE:Approved", r.nextBoolean() ? "exists" : "notExists", (JsonNode) null));
        f.add(cond("percentComplete", "gte", 80 + r.nextInt(20)));
      }
      case 9 -> { // OR of ranges
        s.put("filterConnector", "OR");
        f.add(cond("priority", "gte", 4));
        f.add(cond("percentComplete", "gt", 95 + r.nextInt(5)));
      }
      case 10 -> { // OR of a change and a range, under an AND with ne
        f.add(cond("status", "ne", "CPL"));
        f.add(group("OR", cond("status", "changed", (JsonNode) null), cond("workRequired", "lte", 60)));
      }
      default -> { // notExists or ne with a range
        if (r.nextBoolean()) {
          f.add(cond("DE:Approved", "notExists", (JsonNode) null));
          f.add(cond("plannedCompletionDate", "lt", date(r, 42)));
        } else {
          f.add(cond("status", "ne", pick(r, STATUSES)));
          f.add(cond("referenceNumber", "gte", 85_000 + r.nextInt(5000)));
        }
      }
    }
  }

  private ObjectNode subscription(SplittableRandom r, String id, boolean first, Style style) {
    ObjectNode s = NODES.objectNode();
    s.put("id", id);
    s.put("objCode", objCode(r));
    String type = eventType(r);
    s.put("eventType", type);
    s.put("url", "https://hooks.example.com/" + id);
    ArrayNode f = NODES.arrayNode();
    if (style == Style.LOOSE) {
      if (loose(id)) {
        loose(r, s, f);
        s.set("filters", f);
        return s;
      }
      style = Style.STANDARD; // the other 7 of 8 are the STANDARD subscriptions
    }
    int kind = r.nextInt(20);
    if (first) {
      kind = 0; // the 1-subscription set: an exact anchor, so event-ruler has one rule to run too
    }
    switch (kind) {
      case 0, 1, 2 -> { // exact: anchor + status
        f.add(anchor(r, style));
        if (r.nextBoolean()) {
          f.add(cond("status", "eq", pick(r, STATUSES)));
        }
      }
      case 3 -> { // anchor + ne
        f.add(anchor(r, style));
        String status = pick(r, STATUSES);
        if (style != Style.STANDARD && r.nextBoolean()) {
          String also = pick(r, STATUSES);
          if (style == Style.EXTENDED) {
            f.add(cond("status", "notIn", NODES.arrayNode().add(status).add(also)));
          } else {
            f.add(cond("status", "ne", status));
            f.add(cond("status", "ne", also));
          }
        } else {
          f.add(cond("status", "ne", status));
        }
      }
      case 4 -> { // anchor + numeric range
        f.add(anchor(r, style));
        f.add(cond("priority", r.nextBoolean() ? "gte" : "gt", r.nextInt(4)));
        f.add(cond("percentComplete", r.nextBoolean() ? "lt" : "lte", 30 + r.nextInt(71)));
      }
      case 5 -> { // substring of the name: a rare word pair
        String words = pick(r, WORDS) + " " + pick(r, WORDS);
        if (style == Style.EXTENDED && r.nextBoolean()) {
          ObjectNode c = cond("name", "contains", words.toUpperCase(java.util.Locale.ROOT));
          c.put("ignoreCase", true);
          f.add(c);
        } else {
          if (style == Style.EQ_TWIN) {
            r.nextBoolean(); // the draw EXTENDED makes
          }
          f.add(cond("name", "contains", words));
        }
      }
      case 6 -> { // anchor + contains one word
        f.add(anchor(r, style));
        f.add(cond("name", "contains", pick(r, WORDS)));
      }
      case 7 -> { // group id + status changed to X (UPDATE semantics; harmless elsewhere)
        f.add(idIs(r, "groupID", groups, style));
        f.add(cond("status", "eq", pick(r, STATUSES)));
        f.add(cond("status", "changed", (JsonNode) null));
      }
      case 8 -> { // oldState filter + changed
        f.add(anchor(r, style));
        ObjectNode old = cond("status", "eq", pick(r, STATUSES));
        old.put("state", "oldState");
        f.add(old);
        f.add(cond("status", "changed", (JsonNode) null));
      }
      case 9 -> { // dates
        f.add(anchor(r, style));
        f.add(cond("plannedCompletionDate", "gt", date(r, 30)));
      }
      case 10 -> { // nested fields
        ObjectNode fields = NODES.objectNode();
        ObjectNode inner = fields.putObject("fields");
        inner.put("customerID", pick(r, customers));
        inner.put("region", pick(r, REGIONS));
        f.add(cond("data", "eq", fields));
      }
      case 11 -> { // nested objects: some option names this project
        ObjectNode objs = NODES.objectNode();
        objs.putObject("objects").put("projectID", pick(r, projects));
        f.add(cond("options", "contains", objs));
      }
      case 12 -> { // OR group under an AND
        f.add(idIs(r, "groupID", groups, style));
        f.add(group("OR", cond("priority", "eq", 4), cond("status", "eq", "CPL")));
      }
      case 13 -> { // top-level OR connector of two anchors
        s.put("filterConnector", "OR");
        f.add(idIs(r, "ownerID", owners, style));
        f.add(idIs(r, "projectID", projects, style));
      }
      case 14 -> { // array fields
        f.add(cond("accessorIDs", "contains", pick(r, owners)));
        if (r.nextBoolean()) {
          f.add(cond("accessorIDs", "containsOnly", NODES.arrayNode().add(pick(r, owners))));
        } else {
          f.add(cond("priority", "gte", 2));
        }
      }
      case 15 -> { // custom fields through parameterValues
        f.add(anchor(r, style));
        f.add(cond("DE:Budget", "gte", String.valueOf(100 * r.nextInt(50))));
        f.add(cond("DE:Approved", r.nextBoolean() ? "exists" : "notExists", (JsonNode) null));
      }
      case 16 -> { // notContains and ne
        f.add(anchor(r, style));
        f.add(cond("name", "notContains", pick(r, WORDS)));
      }
      case 17 -> { // objId pin alone or with a change
        s.put("objId", pick(r, objects));
        if (r.nextBoolean()) {
          f.add(cond("name", "changed", (JsonNode) null));
        }
      }
      case 18 -> { // objId pin with an exact condition
        s.put("objId", pick(r, objects));
        f.add(cond("status", "ne", pick(r, STATUSES)));
      }
      default -> { // group of groups: (owner OR project) AND (status CPL OR priority >= 3)
        f.add(group("OR", idIs(r, "ownerID", owners, style), idIs(r, "customerID", customers, style)));
        f.add(group("OR", cond("status", "eq", "CPL"), cond("priority", "gte", 3)));
      }
    }
    if (f.size() > 0) {
      s.set("filters", f);
    }
    return s;
  }
}
