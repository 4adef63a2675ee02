package dev.subfilter.kafka;

import dev.subfilter.InvalidEventException;
import dev.subfilter.Problem;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.AutoAdapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * subfilter inside Kafka Streams: raw webhook deliveries in, one record per matched subscription
 * out, the subscriptions applied live on every instance.
 *
 * <pre>{@code
 * SubfilterRouter router = SubfilterRouter.builder()
 *     .fourMe(FourMeAdapter.builder().publicKeyPem(pem).algorithm("RS256").issuer(iss).audience(aud).build())
 *     .cmp(CmpAdapter.create(SubfilterJson.create(), cmpSecret))
 *     .build();
 * KafkaStreams streams = new KafkaStreams(router.topology(), router.recommendedProperties("my-router", "broker:9092"));
 * streams.start();                         // returns once the subscriptions are loaded
 * int live = router.subscriptions().size(); // for health checks
 * }</pre>
 *
 * <h2>Topics</h2>
 *
 * <ul>
 *   <li><b>subscriptions</b> (compacted): key = subscription id (UTF-8), value = the subscription's
 *       JSON, null = delete. Read by every instance into a global store whose updater keeps this
 *       instance's {@link dev.subfilter.SubscriptionSet}. An invalid record never stops the router:
 *       it is logged, counted ({@code subscription-rejections}), shown by {@link
 *       #rejectedSubscriptions()}, and <em>withdraws</em> the id's previous version, so that the set
 *       is always what the latest record of each id says, which is also what a restart from the
 *       compacted topic rebuilds.
 *   <li><b>events</b>: value = the webhook body as received, headers = the HTTP headers, plus an
 *       optional {@value #SOURCE_HEADER} header naming the adapter ({@code workfront}, {@code 4me},
 *       {@code cmp} or one {@linkplain Builder#adapter added}); without it the vendor is detected
 *       as {@link AutoAdapter} does. Any key; events of one key stay in order.
 *   <li><b>deliveries</b>: one record per (event, matched subscription), in the set's order, key =
 *       subscription id, value = the body as received ({@link DeliveryFormat#ORIGINAL}) or {@link
 *       DeliveryFormat#CANONICAL} JSON, headers: the forwarded request headers, then {@value
 *       #SOURCE_HEADER}, {@value #NAME_HEADER}, {@value #EVENT_TYPE_HEADER}, {@value
 *       #OBJ_CODE_HEADER}, {@value #OBJ_ID_HEADER} (when the event has one), {@value
 *       #DELIVERY_ID_HEADER} and {@value #SUBSCRIPTION_HEADER}. One topic, or one per subscriber
 *       through a {@link TopicNameExtractor} (its topics must exist).
 *   <li><b>handshakes</b>: a vendor's ownership check (4me's {@code webhook.verify}): key = the
 *       event's, value = {@code {"source": ..., "callbackUrl": ...}}, headers: the forwarded ones,
 *       {@value #SOURCE_HEADER} and {@value #CALLBACK_HEADER}.
 *   <li><b>dead letters</b>: an event record that is not valid or not authentic (or whose adapter
 *       failed), key and value as received, every received header but the secret ones, and
 *       {@value #ERROR_HEADER}: the reason in one line.
 * </ul>
 *
 * Secret headers ({@code Callback-Secret}, {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie}, and any {@linkplain Builder#secretHeaders configured}) are read by the adapters
 * and never written to any topic.
 *
 * <h2>Instances and threads</h2>
 *
 * One router serves one {@code KafkaStreams} instance: its {@link #topology()} (or {@link
 * #addTo}) may be called once, and its views show that instance's state. Build another router for
 * another instance. The views are thread-safe; the router is immutable once built but for that
 * state.
 */
public final class SubfilterRouter {
  /** Names the adapter of an event record: {@code workfront}, {@code 4me}, {@code cmp} or an added one. */
  public static final String SOURCE_HEADER = "subfilter-source";
  /** A delivery's subscription id (also its key). */
  public static final String SUBSCRIPTION_HEADER = "subfilter-subscription";
  /** The event's vendor name ({@code task.status-changed}; for Workfront the eventType). */
  public static final String NAME_HEADER = "subfilter-name";
  /** {@code CREATE}, {@code UPDATE} or {@code DELETE}. */
  public static final String EVENT_TYPE_HEADER = "subfilter-event-type";
  /** The event's objCode. */
  public static final String OBJ_CODE_HEADER = "subfilter-obj-code";
  /** The event's objId, when it has one. */
  public static final String OBJ_ID_HEADER = "subfilter-obj-id";
  /**
   * The vendor's delivery id (4me's {@code X-4me-Delivery}), else {@code TOPIC-PARTITION@OFFSET} of
   * the event record: stable when the event is processed again, so (subscription, delivery id)
   * identifies one delivery for a consumer that removes duplicates.
   */
  public static final String DELIVERY_ID_HEADER = "subfilter-delivery-id";
  /** A handshake's callback URL. */
  public static final String CALLBACK_HEADER = "subfilter-callback-url";
  /** A dead letter's reason, one line. */
  public static final String ERROR_HEADER = "subfilter-error";

  /** Headers never written to any topic, in lower case. */
  public static final Set<String> DEFAULT_SECRET_HEADERS = Set.of("callback-secret", "authorization", "proxy-authorization", "cookie");

  static final String DELIVERIES_SINK = "subfilter-deliveries-sink";
  static final String HANDSHAKES_SINK = "subfilter-handshakes-sink";
  static final String DEAD_LETTERS_SINK = "subfilter-dead-letters-sink";

  /** What a delivery record's value holds. */
  public enum DeliveryFormat {
    /** The webhook body exactly as received (the default). */
    ORIGINAL,
    /**
     * Workfront-shaped JSON whatever the vendor: {@code subscriptionId}, {@code eventType}, {@code
     * eventTime} (ISO-8601 or null), {@code newState}, {@code oldState} (null when unknown), {@code
     * source}, {@code name}, {@code objCode}, {@code objId} (or null).
     */
    CANONICAL
  }

  /** Where each instance keeps its copy of the subscriptions topic. */
  public enum SubscriptionStore {
    /** On the heap; the whole topic is read again at every start (the default). */
    IN_MEMORY,
    /** RocksDB in the state directory; a restart reads only what is new since the last checkpoint. */
    PERSISTENT
  }

  private final Builder config;
  private final RouterState state;
  private final LiveSubscriptions live;
  private final AtomicBoolean used = new AtomicBoolean();

  private SubfilterRouter(Builder b) {
    this.config = b.copy();
    this.state = new RouterState(config.json);
    this.live = new LiveSubscriptions(state.set);
  }

  /** @return a builder with the defaults: topics {@code subfilter-*}, the three vendors, original bodies, an in-memory store */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new topology holding only the router. Call once (see the class comment).
   *
   * @return the topology
   * @throws IllegalStateException when this router already built or joined a topology
   */
  public Topology topology() {
    Topology t = new Topology();
    addTo(t);
    return t;
  }

  /**
   * Adds the router's sources, global store, processor and sinks to {@code topology} (for example
   * {@code streamsBuilder.build()}), its node names starting with {@code subfilter-}. Call once.
   *
   * @param topology the topology to add to
   * @return {@code topology}
   * @throws IllegalStateException when this router already built or joined a topology
   * @throws org.apache.kafka.streams.errors.TopologyException when a node name is taken
   */
  public Topology addTo(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("this router already serves a topology; build one router per KafkaStreams instance");
    }
    String storeName = "subfilter-subscriptions-store";
    KeyValueBytesStoreSupplier supplier = config.store == SubscriptionStore.PERSISTENT
        ? Stores.persistentKeyValueStore(storeName) : Stores.inMemoryKeyValueStore(storeName);
    StoreBuilder<?> store = Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray()).withLoggingDisabled();
    topology.addGlobalStore(store, "subfilter-subscriptions-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
        config.subscriptionsTopic, "subfilter-subscriptions-updater", () -> new SubscriptionUpdater(state, storeName));

    Map<String, Adapter> adapters = config.adapters();
    Adapter workfront = adapters.get("workfront");
    AutoAdapter auto = AutoAdapter.of(orMissing(workfront, "workfront"), orMissing(adapters.get("4me"), "4me"),
        orMissing(adapters.get("cmp"), "cmp"), "no " + SOURCE_HEADER + " header",
        "name the vendor in a " + SOURCE_HEADER + " header (" + String.join(", ", adapters.keySet()) + ")");
    Adapter streamed = workfront == config.builtInWorkfront ? workfront : null;
    DeliveryRecords records = new DeliveryRecords(config.forwardHeaders, config.secretHeaders);
    boolean canonical = config.format == DeliveryFormat.CANONICAL;

    topology.addSource("subfilter-events-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), config.eventsTopic);
    topology.addProcessor("subfilter-router",
        () -> new EventRouter(state, adapters, auto, streamed, records, canonical), "subfilter-events-source");
    if (config.deliveriesTopic != null) {
      topology.addSink(DELIVERIES_SINK, config.deliveriesTopic, new StringSerializer(), new ByteArraySerializer(), "subfilter-router");
    } else {
      topology.addSink(DELIVERIES_SINK, config.deliveries, new StringSerializer(), new ByteArraySerializer(), "subfilter-router");
    }
    topology.addSink(HANDSHAKES_SINK, config.handshakesTopic, new ByteArraySerializer(), new ByteArraySerializer(), "subfilter-router");
    topology.addSink(DEAD_LETTERS_SINK, config.deadLetterTopic, new ByteArraySerializer(), new ByteArraySerializer(), "subfilter-router");
    return topology;
  }

  /** An adapter that says it is not configured, for detection to land on. */
  private static Adapter orMissing(Adapter a, String source) {
    return a != null ? a : new Adapter() {
      @Override
      public String source() {
        return source;
      }

      @Override
      public Delivery read(byte[] body, Map<String, List<String>> headers) {
        throw new InvalidEventException(new Problem("", "a " + source + " delivery, but this router has no " + source + " adapter"));
      }
    };
  }

  /**
   * The subscriptions live in this instance, as the updater applied them: the same set the router
   * matches against. Read-only; empty until the topology runs.
   *
   * @return the live view
   */
  public LiveSubscriptions subscriptions() {
    return live;
  }

  /**
   * The subscription records that are not live because they are invalid: id to problems, each with
   * a JSON Pointer into the record's value. A record that is later replaced by a valid one or
   * deleted leaves this map. A snapshot; unmodifiable.
   *
   * @return the rejected ids and their problems
   */
  public Map<String, List<Problem>> rejectedSubscriptions() {
    return Map.copyOf(state.rejected);
  }

  /**
   * A baseline configuration for this router: {@code exactly_once_v2}; byte-array serdes;
   * Kafka Streams' dead-letter topic (KIP-1034) set to this router's dead-letter topic, with
   * log-and-continue handlers for deserialization and processing errors, so that a record that
   * fails unexpectedly (say, a topic extractor throws) is dead-lettered by Kafka Streams, with its
   * {@code __streams.errors.*} headers, rather than stopping the instance. The processing handler
   * is {@link DeadLetterHandler}: Kafka's own would copy the event's secret headers. (The router
   * dead-letters invalid and unauthentic events itself, without their secret headers.)
   *
   * @param applicationId the Kafka Streams application id (the consumer group): the same on every instance
   * @param bootstrapServers the brokers
   * @return new properties; add or override as needed
   */
  public Properties recommendedProperties(String applicationId, String bootstrapServers) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, Objects.requireNonNull(applicationId, "applicationId"));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
    p.put(DeadLetterHandler.SECRET_HEADERS_CONFIG, String.join(",", config.secretHeaders));
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
    // the subscriptions updater catches every failure itself; this only opts in to Kafka 5's default early
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    return p;
  }

  /**
   * The topics this router reads and writes, to create where they do not exist: the subscriptions
   * topic compacted with one partition, the others with {@code partitions}; the deliveries topic
   * only when it is one fixed topic.
   *
   * @param partitions partitions of the events, deliveries, handshakes and dead-letter topics
   * @param replicationFactor every topic's replication factor
   * @return the topics, subscriptions first
   */
  public List<NewTopic> newTopics(int partitions, short replicationFactor) {
    List<NewTopic> out = new ArrayList<>();
    out.add(new NewTopic(config.subscriptionsTopic, 1, replicationFactor)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    out.add(new NewTopic(config.eventsTopic, partitions, replicationFactor));
    if (config.deliveriesTopic != null) {
      out.add(new NewTopic(config.deliveriesTopic, partitions, replicationFactor));
    }
    out.add(new NewTopic(config.handshakesTopic, partitions, replicationFactor));
    out.add(new NewTopic(config.deadLetterTopic, partitions, replicationFactor));
    return out;
  }

  @Override
  public String toString() {
    return "SubfilterRouter[" + config.subscriptionsTopic + " + " + config.eventsTopic + " -> "
        + (config.deliveriesTopic == null ? "per-subscriber topics" : config.deliveriesTopic) + ", " + config.format + ", " + config.store + "]";
  }

  /** Configures a {@link SubfilterRouter}; not thread-safe. Every name must be non-blank. */
  public static final class Builder {
    private SubfilterJson json = SubfilterJson.create();
    private String subscriptionsTopic = "subfilter-subscriptions";
    private String eventsTopic = "subfilter-events";
    private String deliveriesTopic = "subfilter-deliveries";
    private TopicNameExtractor<String, byte[]> deliveries;
    private String handshakesTopic = "subfilter-handshakes";
    private String deadLetterTopic = "subfilter-dead-letters";
    private final Map<String, Adapter> added = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private DeliveryFormat format = DeliveryFormat.ORIGINAL;
    private SubscriptionStore store = SubscriptionStore.IN_MEMORY;
    private Set<String> forwardHeaders;
    private Set<String> secretHeaders = DEFAULT_SECRET_HEADERS;
    private Adapter builtInWorkfront;

    private Builder() {}

    private Builder copy() {
      Builder c = new Builder();
      c.json = json;
      c.subscriptionsTopic = subscriptionsTopic;
      c.eventsTopic = eventsTopic;
      c.deliveriesTopic = deliveriesTopic;
      c.deliveries = deliveries;
      c.handshakesTopic = handshakesTopic;
      c.deadLetterTopic = deadLetterTopic;
      c.added.putAll(added);
      c.removed.addAll(removed);
      c.format = format;
      c.store = store;
      c.forwardHeaders = forwardHeaders;
      c.secretHeaders = secretHeaders;
      c.builtInWorkfront = new WorkfrontAdapter(json);
      return c;
    }

    /** The adapters by lower-case source: the built-in three (unless replaced or removed), then the added ones. */
    private Map<String, Adapter> adapters() {
      Map<String, Adapter> out = new LinkedHashMap<>();
      out.put("workfront", builtInWorkfront);
      out.put("4me", FourMeAdapter.builder().json(json).build());
      out.put("cmp", CmpAdapter.create(json, null));
      out.putAll(added);
      out.keySet().removeAll(removed);
      return Collections.unmodifiableMap(out);
    }

    /**
     * How subscriptions and Workfront payloads are read: mode and limits. Default {@link SubfilterJson#create()}.
     *
     * @param json the reader
     * @return this builder
     */
    public Builder json(SubfilterJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * @param topic the compacted subscriptions topic; default {@code subfilter-subscriptions}
     * @return this builder
     */
    public Builder subscriptionsTopic(String topic) {
      subscriptionsTopic = name(topic, "subscriptions topic");
      return this;
    }

    /**
     * @param topic the events topic; default {@code subfilter-events}
     * @return this builder
     */
    public Builder eventsTopic(String topic) {
      eventsTopic = name(topic, "events topic");
      return this;
    }

    /**
     * @param topic the one deliveries topic; default {@code subfilter-deliveries}
     * @return this builder
     */
    public Builder deliveriesTopic(String topic) {
      deliveriesTopic = name(topic, "deliveries topic");
      deliveries = null;
      return this;
    }

    /**
     * Per-subscriber topics: {@code extractor} is given each delivery's key (the subscription id),
     * value and the event record's context, and names the topic, which must exist.
     *
     * @param extractor names a delivery's topic
     * @return this builder
     */
    public Builder deliveriesTopic(TopicNameExtractor<String, byte[]> extractor) {
      deliveries = Objects.requireNonNull(extractor, "extractor");
      deliveriesTopic = null;
      return this;
    }

    /**
     * @param topic the handshakes topic; default {@code subfilter-handshakes}
     * @return this builder
     */
    public Builder handshakesTopic(String topic) {
      handshakesTopic = name(topic, "handshakes topic");
      return this;
    }

    /**
     * @param topic the dead-letter topic; default {@code subfilter-dead-letters}
     * @return this builder
     */
    public Builder deadLetterTopic(String topic) {
      deadLetterTopic = name(topic, "dead-letter topic");
      return this;
    }

    /**
     * The 4me adapter, e.g. with the webhook policy's key. Default: {@link FourMeAdapter} without a
     * key (unsigned deliveries only).
     *
     * @param adapter the adapter
     * @return this builder
     */
    public Builder fourMe(FourMeAdapter adapter) {
      return adapter("4me", adapter);
    }

    /**
     * The CMP adapter, e.g. with the webhook's callback secret. Default: {@link CmpAdapter} without a secret.
     *
     * @param adapter the adapter
     * @return this builder
     */
    public Builder cmp(CmpAdapter adapter) {
      return adapter("cmp", adapter);
    }

    /**
     * Reads events whose {@value SubfilterRouter#SOURCE_HEADER} header is {@code source} (any case) with {@code
     * adapter}: any {@link Adapter}, such as a mapping adapter of your own. {@code workfront},
     * {@code 4me} and {@code cmp} replace the built-in ones (and are what detection picks).
     *
     * @param source the source name
     * @param adapter the adapter
     * @return this builder
     */
    public Builder adapter(String source, Adapter adapter) {
      String s = name(source, "source").toLowerCase(Locale.ROOT);
      added.put(s, Objects.requireNonNull(adapter, "adapter"));
      removed.remove(s);
      return this;
    }

    /**
     * Stops reading one source: its events become dead letters.
     *
     * @param source a source name, built-in or added
     * @return this builder
     */
    public Builder withoutAdapter(String source) {
      String s = name(source, "source").toLowerCase(Locale.ROOT);
      added.remove(s);
      removed.add(s);
      return this;
    }

    /**
     * @param format what a delivery's value holds; default {@link DeliveryFormat#ORIGINAL}
     * @return this builder
     */
    public Builder deliveryFormat(DeliveryFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * @param store where each instance keeps the subscriptions topic; default {@link SubscriptionStore#IN_MEMORY}
     * @return this builder
     */
    public Builder subscriptionStore(SubscriptionStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Forwards only these received headers (any case) to deliveries and handshakes. Default: every
     * received header; secret ones and {@code subfilter-*} never.
     *
     * @param names header names
     * @return this builder
     */
    public Builder forwardHeaders(Collection<String> names) {
      forwardHeaders = lower(names);
      return this;
    }

    /**
     * Headers never written to any topic, in addition to {@link SubfilterRouter#DEFAULT_SECRET_HEADERS}.
     *
     * @param names header names (any case)
     * @return this builder
     */
    public Builder secretHeaders(Collection<String> names) {
      Set<String> s = new LinkedHashSet<>(DEFAULT_SECRET_HEADERS);
      s.addAll(lower(names));
      secretHeaders = Set.copyOf(s);
      return this;
    }

    /**
     * @return the router
     */
    public SubfilterRouter build() {
      return new SubfilterRouter(this);
    }

    private static Set<String> lower(Collection<String> names) {
      Set<String> out = new LinkedHashSet<>();
      for (String n : Objects.requireNonNull(names, "names")) {
        out.add(name(n, "header name").toLowerCase(Locale.ROOT));
      }
      return Set.copyOf(out);
    }

    private static String name(String v, String what) {
      Objects.requireNonNull(v, what);
      if (v.isBlank()) {
        throw new IllegalArgumentException("the " + what + " must not be blank");
      }
      return v;
    }
  }
}
