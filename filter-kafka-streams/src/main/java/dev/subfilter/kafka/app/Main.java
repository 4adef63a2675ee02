package dev.subfilter.kafka.app;

import dev.subfilter.Mode;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.kafka.SubfilterRouter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The runnable router: {@code java -jar subfilter-router.jar router.properties}. The properties are
 * Kafka Streams' own (on top of {@link SubfilterRouter#recommendedProperties}) plus {@code
 * subfilter.*} keys (see {@code --help} and the README's "Outgrowing one JVM"). Runs until it is
 * stopped (SIGTERM/SIGINT: closes and leaves the group) or fails. Exit codes: 0 stopped, 1 failed,
 * 2 bad usage or configuration.
 */
public final class Main {
  static final String USAGE = """
      usage: java -jar subfilter-router.jar [--describe] [--set KEY=VALUE]... CONFIG.properties

        CONFIG.properties  Kafka Streams settings (bootstrap.servers and application.id are required;
                           exactly_once_v2 and the dead-letter topic are the defaults) and subfilter.* keys:
          subfilter.topic.subscriptions   compacted subscriptions topic (subfilter-subscriptions)
          subfilter.topic.events          raw webhook deliveries (subfilter-events)
          subfilter.topic.deliveries      one record per match (subfilter-deliveries); a name holding
                                          {subscription} gives one topic per subscription id
          subfilter.topic.handshakes      4me webhook.verify deliveries (subfilter-handshakes)
          subfilter.topic.dead-letters    invalid or unauthentic events (subfilter-dead-letters)
          subfilter.delivery-format       original (the body as received) or canonical (Workfront-shaped JSON)
          subfilter.store                 in-memory or persistent (RocksDB in state.dir)
          subfilter.mode                  extended or workfront (what subscriptions may use)
          subfilter.4me.public-key-file   PEM of the 4me webhook policy's key (then unsigned 4me events are rejected)
          subfilter.4me.algorithm         RS256 (default), RS384, RS512, ES256, ES384, ES512
          subfilter.4me.issuer            expected iss, e.g. https://wdc.4me.com
          subfilter.4me.audience          the policy's audience
          subfilter.cmp.callback-secret-env  name of the environment variable holding the CMP callback secret
          subfilter.headers.forward       comma-separated headers to forward (default: all but secrets)
          subfilter.headers.secret        comma-separated headers never written, besides Callback-Secret,
                                          Authorization, Proxy-Authorization, Cookie
          subfilter.topics.create         true: create missing topics at start (false)
          subfilter.topics.partitions     partitions of created topics (6)
          subfilter.topics.replication    replication factor of created topics (3)
        --set KEY=VALUE    overrides one property of the file
        --describe         prints the topology and exits
        --help             this text

      exit codes: 0 stopped, 1 failed, 2 bad usage or configuration
      """;

  private Main() {}

  /**
   * Runs the router until it is stopped or fails, then exits with the code {@code run} returns.
   *
   * @param args {@code [--describe] [--set KEY=VALUE]... CONFIG.properties}, or {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Properties props = new Properties();
    List<String> overrides = new ArrayList<>();
    Path config = null;
    boolean describe = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "--describe" -> describe = true;
        case "--set" -> {
          if (i + 1 == args.length || !args[i + 1].contains("=")) {
            return usage(err, "--set needs KEY=VALUE");
          }
          overrides.add(args[++i]);
        }
        default -> {
          if (args[i].startsWith("-") || config != null) {
            return usage(err, "unexpected argument " + args[i]);
          }
          config = Path.of(args[i]);
        }
      }
    }
    if (config == null) {
      return usage(err, "no CONFIG.properties given");
    }
    try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      return usage(err, config + ": cannot read: " + e.getMessage());
    }
    for (String o : overrides) {
      int eq = o.indexOf('=');
      props.setProperty(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
    }
    Settings s;
    try {
      s = Settings.of(props);
    } catch (IllegalArgumentException e) {
      return usage(err, config + ": " + e.getMessage());
    }
    Topology topology = s.router.topology();
    if (describe) {
      out.println(topology.describe());
      return 0;
    }
    if (s.createTopics) {
      try {
        createTopics(s);
      } catch (RuntimeException | ExecutionException e) {
        err.println("subfilter-router: cannot create the topics: " + e.getMessage());
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
    return runStreams(s, topology, out, err);
  }

  private static int runStreams(Settings s, Topology topology, PrintStream out, PrintStream err) {
    KafkaStreams streams = new KafkaStreams(topology, s.streams);
    CountDownLatch stopped = new CountDownLatch(1);
    int[] exit = {0};
    streams.setUncaughtExceptionHandler(e -> {
      err.println("subfilter-router: failed: " + e);
      exit[0] = 1;
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        out.println("subfilter-router: running, " + s.router.subscriptions().size() + " subscriptions live, "
            + s.router.rejectedSubscriptions().size() + " rejected");
        out.flush();
      } else if (now == KafkaStreams.State.ERROR) {
        exit[0] = 1;
        stopped.countDown();
      } else if (now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    Thread hook = new Thread(() -> {
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      stopped.countDown();
    }, "subfilter-router-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    streams.start();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (exit[0] != 0) {
      streams.close(Duration.ofSeconds(30));
    }
    return exit[0];
  }

  private static void createTopics(Settings s) throws ExecutionException, InterruptedException {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.streams.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    try (Admin a = Admin.create(admin)) {
      for (NewTopic t : s.router.newTopics(s.partitions, s.replication)) {
        try {
          a.createTopics(List.of(t)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  private static int usage(PrintStream err, String message) {
    err.println("subfilter-router: " + message);
    err.println("run with --help for the properties and flags");
    return 2;
  }

  /** The router and Kafka Streams settings a properties file describes. */
  static final class Settings {
    SubfilterRouter router;
    Properties streams;
    boolean createTopics;
    int partitions;
    short replication;

    private static final Pattern SUBSCRIPTION = Pattern.compile("\\{subscription}");

    static Settings of(Properties p) {
      Settings s = new Settings();
      for (String required : List.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, StreamsConfig.APPLICATION_ID_CONFIG)) {
        if (p.getProperty(required, "").isBlank()) {
          throw new IllegalArgumentException(required + " is required");
        }
      }
      Mode mode = switch (p.getProperty("subfilter.mode", "extended").trim().toLowerCase(Locale.ROOT)) {
        case "extended" -> Mode.EXTENDED;
        case "workfront" -> Mode.WORKFRONT;
        default -> throw new IllegalArgumentException("subfilter.mode must be extended or workfront, was " + p.getProperty("subfilter.mode"));
      };
      SubfilterJson json = SubfilterJson.create(mode, dev.subfilter.Limits.DEFAULTS);
      SubfilterRouter.Builder b = SubfilterRouter.builder().json(json);
      optional(p, "subfilter.topic.subscriptions", b::subscriptionsTopic);
      optional(p, "subfilter.topic.events", b::eventsTopic);
      optional(p, "subfilter.topic.handshakes", b::handshakesTopic);
      optional(p, "subfilter.topic.dead-letters", b::deadLetterTopic);
      String deliveries = p.getProperty("subfilter.topic.deliveries");
      if (deliveries != null && SUBSCRIPTION.matcher(deliveries).find()) {
        String template = deliveries.trim();
        b.deliveriesTopic((id, value, ctx) -> SUBSCRIPTION.matcher(template).replaceAll(Matcher.quoteReplacement(topicSafe(id))));
      } else {
        optional(p, "subfilter.topic.deliveries", b::deliveriesTopic);
      }
      String format = p.getProperty("subfilter.delivery-format", "original").trim().toUpperCase(Locale.ROOT);
      b.deliveryFormat(enumOf(SubfilterRouter.DeliveryFormat.class, format, "subfilter.delivery-format", "original, canonical"));
      String store = p.getProperty("subfilter.store", "in-memory").trim().toUpperCase(Locale.ROOT).replace('-', '_');
      b.subscriptionStore(enumOf(SubfilterRouter.SubscriptionStore.class, store, "subfilter.store", "in-memory, persistent"));
      String key = p.getProperty("subfilter.4me.public-key-file");
      if (key != null && !key.isBlank()) {
        String pem;
        try {
          pem = Files.readString(Path.of(key.trim()), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IllegalArgumentException("subfilter.4me.public-key-file " + key + ": cannot read: " + e.getMessage(), e);
        }
        FourMeAdapter.Builder fourMe = FourMeAdapter.builder().json(json).publicKeyPem(pem)
            .algorithm(p.getProperty("subfilter.4me.algorithm", "RS256").trim());
        optional(p, "subfilter.4me.issuer", fourMe::issuer);
        optional(p, "subfilter.4me.audience", fourMe::audience);
        b.fourMe(fourMe.build());
      }
      String secretEnv = p.getProperty("subfilter.cmp.callback-secret-env");
      if (secretEnv != null && !secretEnv.isBlank()) {
        String secret = System.getenv(secretEnv.trim());
        if (secret == null || secret.isEmpty()) {
          throw new IllegalArgumentException("subfilter.cmp.callback-secret-env names " + secretEnv.trim() + ", which is not set");
        }
        b.cmp(CmpAdapter.create(json, secret));
      }
      optional(p, "subfilter.headers.forward", v -> b.forwardHeaders(list(v)));
      optional(p, "subfilter.headers.secret", v -> b.secretHeaders(list(v)));
      s.createTopics = Boolean.parseBoolean(p.getProperty("subfilter.topics.create", "false").trim());
      s.partitions = Integer.parseInt(p.getProperty("subfilter.topics.partitions", "6").trim());
      s.replication = Short.parseShort(p.getProperty("subfilter.topics.replication", "3").trim());
      s.router = b.build();
      s.streams = s.router.recommendedProperties(p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG).trim(),
          p.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG).trim());
      for (String name : p.stringPropertyNames()) {
        if (!name.startsWith("subfilter.")) {
          s.streams.setProperty(name, p.getProperty(name).trim());
        }
      }
      return s;
    }

    /** Kafka topic names allow ASCII letters, digits, '.', '_' and '-': anything else becomes '_'. */
    static String topicSafe(String id) {
      StringBuilder b = new StringBuilder(id.length());
      for (char c : id.toCharArray()) {
        b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
      }
      return b.toString();
    }

    private static List<String> list(String v) {
      return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String key, String allowed) {
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + " must be one of " + allowed + ", was " + name.toLowerCase(Locale.ROOT), e);
      }
    }

    private static void optional(Properties p, String key, java.util.function.Consumer<String> set) {
      String v = p.getProperty(key);
      if (v != null && !v.isBlank()) {
        set.accept(v.trim());
      }
    }
  }
}
