package dev.subfilter.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionParser;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.SubscriptionLoader;
import dev.subfilter.jsonpath.JsonPathAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java snippets, verbatim between the marked lines, so the README cannot drift. */
class ReadmeExamplesTest {
  private final List<String> notified = new ArrayList<>();

  private void notifyTeam(String id) {
    notified.add(id);
  }

  @Test
  void readme_everyMarkedSnippet_appearsVerbatim() throws Exception {
    // surefire runs in the module directory; the README is the project's
    java.nio.file.Path module = java.nio.file.Path.of("").toAbsolutePath();
    String readme = java.nio.file.Files.readString(module.resolveSibling("README.md"));
    String source = java.nio.file.Files.readString(module.resolve("src/test/java/dev/subfilter/spec/ReadmeExamplesTest.java"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\n    // --- README ([^\\n]*)\\n(.*?)\\n    // ---\\n").matcher(source);
    int blocks = 0;
    while (m.find()) {
      String snippet = m.group(2).replaceAll("(?m)^    ", "")
          // the README shows placeholders where the test needs the recorded fixture's values
          .replace("\"https://wdc.4me-staging.com\"", "\"https://wdc.4me.com\"")
          .replace("\"integrations provided by wdc@4me-staging.com\"", "\"my policy audience\"");
      assertThat(readme).as("README snippet '%s'", m.group(1)).contains(snippet);
      blocks++;
    }
    assertThat(blocks).as("marked snippets found").isGreaterThanOrEqualTo(5);
  }

  @Test
  void quickStart_completedTask_notifies() {
    byte[] body = """
        {"eventType": "UPDATE", "newState": {"objCode": "TASK", "ID": "t1", "status": "CPL"},
         "oldState": {"objCode": "TASK", "ID": "t1", "status": "INP"}}""".getBytes(StandardCharsets.UTF_8);
    // --- README quick start
    SubfilterJson json = SubfilterJson.create();              // extended mode, default limits; share it
    CompiledSubscription tasksDone = json.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE",
         "filters": [{"fieldName": "status", "fieldValue": "CPL"},
                     {"fieldName": "status", "comparison": "changed"}]}
        """).compile();                                        // compile once; thread-safe
    Event event = json.readWorkfrontEvent(body);              // body: the webhook's bytes
    if (tasksDone.matches(event)) {
      notifyTeam(event.objId());
    }
    // ---
    assertThat(notified).containsExactly("t1");
  }

  private final List<String> confirmed = new ArrayList<>();
  private final List<CompiledSubscription> delivered = new ArrayList<>();

  private void confirm(String url) {
    confirmed.add(url);
  }

  private void deliver(CompiledSubscription s) {
    delivered.add(s);
  }

  @Test
  void vendors_signedFourMeFixture_matchesAndDelivers() throws Exception {
    String dir = "/fixtures/4me-signed-delivery/";
    String policyPublicKeyPem = new String(getClass().getResourceAsStream(dir + "policy-public-key.pem").readAllBytes(), StandardCharsets.UTF_8);
    byte[] body = getClass().getResourceAsStream(dir + "body.json").readAllBytes();
    Map<String, List<String>> headers = Map.of("X-4me-Delivery", List.of("00c7bb4a-b3ba-4744-8126-1e7ef87ef90a"));
    SubfilterJson json = SubfilterJson.create();
    List<CompiledSubscription> subscriptions = List.of(
        json.readSubscription("{\"objCode\":\"INTEGRATION_INSTANCE\",\"eventType\":\"UPDATE\"}").compile(),
        json.readSubscription("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\"}").compile());
    // --- README vendors (issuer and audience are the fixture's)
    FourMeAdapter fourMe = FourMeAdapter.builder()
        .publicKeyPem(policyPublicKeyPem)                      // the webhook policy's key (or .jwks(json))
        .algorithm("RS256").issuer("https://wdc.4me-staging.com").audience("integrations provided by wdc@4me-staging.com")
        .build();                                               // with a key, unsigned bodies are rejected
    Delivery d = fourMe.read(body, headers);
    if (d instanceof Delivery.Handshake h) {
      confirm(h.callbackUrl());                                 // GET it once to activate the webhook
    } else if (d instanceof Delivery.Received r) {
      subscriptions.stream().filter(s -> s.matches(r.event())).forEach(this::deliver);
    }
    // ---
    assertThat(confirmed).isEmpty();
    assertThat(delivered).containsExactly(subscriptions.get(0));
  }

  @Test
  void manySubscriptions_set_returnsMatchingIds() {
    SubfilterJson json = SubfilterJson.create();
    CompiledSubscription tasksDone = json.readSubscription(
        "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"status\",\"fieldValue\":\"CPL\"}]}").compile();
    byte[] body = "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"CPL\"}}".getBytes(StandardCharsets.UTF_8);
    Event event = json.readWorkfrontEvent(body);
    // --- README many subscriptions
    SubscriptionSet set = new SubscriptionSet();
    set.add("tasks-done", tasksDone);
    List<String> ids = set.match(event);                      // ids in the order they were added
    List<String> same = json.matchWorkfrontEvent(set, body);  // from bytes: one streaming pass
    // ---
    assertThat(ids).containsExactly("tasks-done");
    assertThat(same).isEqualTo(ids);
    assertThat(tasksDone.explain(event).matched()).isTrue();
  }

  @Test
  void anyVendor_signedGitHubEdit_matchesTheBugTitleSubscription() throws Exception {
    byte[] body = getClass().getResourceAsStream("/spec/mapping/github.json").readAllBytes();
    com.fasterxml.jackson.databind.JsonNode edit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("cases").get(4);
    body = edit.get("event").toString().getBytes(StandardCharsets.UTF_8);
    String webhookSecret = "a secret made for this test";
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    Map<String, List<String>> headers = Map.of("X-GitHub-Event", List.of("issues"),
        "X-Hub-Signature-256", List.of("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body))));
    CompiledSubscription bugTitleChanged = SubfilterJson.create().readSubscription(edit.get("subscription").toString()).compile();
    // --- README any vendor
    JsonPathAdapter github = JsonPathAdapter.builder()
        .shipped("github")                                    // or .mapping(mappingJson) for any vendor
        .secret(webhookSecret)                                // else GITHUB_WEBHOOK_SECRET, when set
        .build();                                             // every JSONPath compiled here
    Delivery d = github.read(body, headers);                  // X-Hub-Signature-256 checked first
    boolean hit = bugTitleChanged.matches(((Delivery.Received) d).event());
    // ---
    assertThat(edit.get("name").asText()).isEqualTo("labelled bug and the title changed");
    assertThat(hit).isTrue();
  }

  /**
   * Each example subscription of the README's JSONPath mapping section is a case of the mapping
   * spec files that is expected to match: the README shows what the specs prove.
   */
  @Test
  void anyVendor_exampleSubscriptions_areMatchingSpecCases() throws Exception {
    java.nio.file.Path module = java.nio.file.Path.of("").toAbsolutePath();
    String readme = java.nio.file.Files.readString(module.resolveSibling("README.md"));
    String section = readme.substring(readme.indexOf("## Any vendor: JSONPath mappings"), readme.indexOf("## Validation modes and limits"));
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Set<com.fasterxml.jackson.databind.JsonNode> matching = new java.util.HashSet<>();
    for (String vendor : JsonPathAdapter.shippedNames()) {
      for (com.fasterxml.jackson.databind.JsonNode c : mapper.readTree(getClass().getResourceAsStream("/spec/mapping/" + vendor + ".json")).get("cases")) {
        if (c.get("expect").asText().equals("match")) {
          matching.add(c.get("subscription"));
        }
      }
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)```json\n(.*?)```").matcher(section);
    int examples = 0;
    while (m.find()) {
      com.fasterxml.jackson.databind.JsonNode sub = mapper.readTree(m.group(1));
      assertThat(matching).as("README example %s", sub).contains(sub);
      examples++;
    }
    assertThat(examples).isEqualTo(JsonPathAdapter.shippedNames().size());
  }

  @Test
  void withoutJackson_mapStates_match() {
    Map<String, Object> subscriptionMap = Map.of("objCode", "TASK", "eventType", "UPDATE",
        "filters", List.of(Map.of("fieldName", "status", "comparison", "changed")));
    Map<String, Object> newStateMap = Map.of("objCode", "TASK", "ID", "t1", "status", "CPL");
    Map<String, Object> oldStateMap = Map.of("objCode", "TASK", "ID", "t1", "status", "INP");
    // --- README without Jackson
    Subscription s = SubscriptionParser.extended().parse(JsonValue.fromJava(subscriptionMap));
    Event e = Event.workfront(JsonModel.JAVA, "UPDATE", newStateMap, oldStateMap).build();
    boolean hit = s.compile().matches(e);
    // ---
    assertThat(hit).isTrue();
  }

  @Test
  void subscriptionFiles_folder_loadedIntoTheSet(@TempDir Path folder) throws Exception {
    Files.copy(module().resolveSibling("examples/subscriptions.json"), folder.resolve("examples.json"));
    Files.writeString(folder.resolve("more.json"), "{\"objCode\": \"TASK\", \"eventType\": \"DELETE\"}");
    SubfilterJson json = SubfilterJson.create();
    SubscriptionSet set = new SubscriptionSet();
    // --- README subscription files
    SubscriptionLoader.Result loaded = SubscriptionLoader.create(json).load(folder);    // files and folders
    loaded.problems().forEach(p -> System.err.println(p));          // file:/json/pointer: message
    loaded.subscriptions().forEach((id, s) -> set.add(id, s.compile()));   // the valid ones, by id
    Map<String, Subscription> all = loaded.orThrow();               // or all of them, or a SubscriptionLoadException
    // ---
    assertThat(loaded.problems()).isEmpty();
    assertThat(set.ids()).hasSize(11).startsWith("projects-renamed").endsWith(folder.resolve("more.json").toString());
    assertThat(all.keySet()).containsExactlyElementsOf(set.ids());
  }

  private final List<String> deliveredIds = new CopyOnWriteArrayList<>();

  private void deliverAll(List<String> ids) {
    deliveredIds.addAll(ids);
  }

  @Test
  void headers_jdkHttpServer_cmpDelivery_matchedOrRejected() throws Exception {
    SubfilterJson json = SubfilterJson.create();
    String callbackSecret = "s3cr3t";
    SubscriptionSet set = new SubscriptionSet();
    set.add("cmp-completed", json.readSubscription(
        "{\"objCode\": \"EXTERNAL_SUB_STEP\", \"eventType\": \"external_sub_step_completed\"}").compile());
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // --- README headers from the JDK HttpServer
    CmpAdapter cmp = CmpAdapter.create(json, callbackSecret);
    server.createContext("/hooks/cmp", exchange -> {
      int status = 204;
      try {
        Delivery d = cmp.read(exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders());
        if (d instanceof Delivery.Received r) {
          deliverAll(set.match(r.event()));
        }
      } catch (InvalidEventException e) {                        // not CMP's shape, or a wrong Callback-Secret
        status = 400;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    // ---
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/cmp");
      String body = "{\"event_name\": \"external_sub_step_completed\", \"data\": {\"sub_step\": {\"id\": \"s1\"}}}";
      HttpClient client = HttpClient.newHttpClient();
      int good = client.send(HttpRequest.newBuilder(uri).header("callback-secret", callbackSecret)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      int wrong = client.send(HttpRequest.newBuilder(uri).header("Callback-Secret", "guess")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();

      assertThat(good).isEqualTo(204);
      assertThat(wrong).isEqualTo(400);
      assertThat(deliveredIds).containsExactly("cmp-completed");
    } finally {
      server.stop(0);
    }
  }

  /** Packages whose types README snippets use without subfilter depending on them: their imports are not resolved. */
  private static final List<String> FRAMEWORKS = List.of("jakarta.servlet.", "org.springframework.");

  /** Where a type a snippet names may come from, so that a missing import is caught. */
  private static final List<String> IMPORTABLE = List.of("dev.subfilter.", "dev.subfilter.jackson.", "dev.subfilter.jsonpath.", "dev.subfilter.kafka.", "java.util.",
      "java.nio.file.", "java.nio.charset.", "java.io.", "java.net.", "java.time.", "com.sun.net.httpserver.");

  @Test
  void readme_everyJavaSnippet_importsEveryTypeItUses_andNothingElse() throws Exception {
    String readme = Files.readString(module().resolveSibling("README.md"));
    Matcher block = Pattern.compile("(?s)```java\n(.*?)```").matcher(readme);
    int snippets = 0;
    while (block.find()) {
      String snippet = block.group(1);
      if (snippet.startsWith("module ")) {
        continue; // a module declaration imports nothing; ReleaseArtifactsTest checks its names
      }
      snippets++;
      Set<String> imported = new HashSet<>();
      StringBuilder code = new StringBuilder();
      for (String line : snippet.split("\n")) {
        Matcher imp = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$").matcher(line);
        if (imp.matches()) {
          String type = imp.group(1) + "." + imp.group(2);
          if (FRAMEWORKS.stream().noneMatch(type::startsWith)) {
            Class.forName(type); // throws when the import names no class
          }
          assertThat(imported.add(imp.group(2))).as("imported twice in:%n%s", snippet).isTrue();
        } else {
          code.append(line).append('\n');
        }
      }
      assertThat(imported).as("a README Java snippet without imports:%n%s", snippet).isNotEmpty();
      // names in code, not in comments, strings or text blocks
      String bare = code.toString().replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
          .replaceAll("//[^\n]*", "");
      Set<String> used = new LinkedHashSet<>();
      Matcher word = Pattern.compile("(?<![.\\w])[A-Z]\\w*").matcher(bare);
      while (word.find()) {
        used.add(word.group());
      }
      for (String name : imported) {
        assertThat(used).as("unused import %s in:%n%s", name, snippet).contains(name);
      }
      for (String name : used) {
        if (!imported.contains(name) && importable(name)) {
          throw new AssertionError("README snippet uses " + name + " without importing it:\n" + snippet);
        }
      }
    }
    assertThat(snippets).as("README Java snippets").isGreaterThanOrEqualTo(8);
  }

  private static boolean importable(String simpleName) {
    for (String pkg : IMPORTABLE) {
      try {
        Class.forName(pkg + simpleName);
        return true;
      } catch (ClassNotFoundException e) {
        // not from this package
      }
    }
    return false;
  }

  /** surefire runs in the module directory; the README and the examples are the project's. */
  private static Path module() {
    return Path.of("").toAbsolutePath();
  }
}
