package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code match --mapping/--format <shipped>}, envelopes, {@code --header}, {@code --secret-file}, {@code check --mapping}. */
class MappingCommandsTest {
  private static final String ISSUE_OPENED = "{\"action\":\"opened\",\"issue\":{\"id\":444500041,\"title\":\"Spelling error\","
      + "\"labels\":[{\"name\":\"bug\"}],\"state\":\"open\",\"updated_at\":\"2019-05-15T15:20:18Z\"}}";
  private static final String BUGS = "[{\"id\": \"new-bugs\", \"objCode\": \"ISSUES\", \"eventType\": \"issues.opened\", "
      + "\"filters\": [{\"fieldName\": \"labels\", \"fieldValue\": {\"objects\": {\"name\": \"bug\"}}}]}]";
  private static final String CMP = "{\"event_name\": \"external_sub_step_completed\", \"data\": {\"sub_step\": {\"id\": \"s1\"}}}";

  @TempDir
  Path tmp;

  private String write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  private static JsonNode json(String line) throws IOException {
    return CliJson.OUT.readTree(line);
  }

  private static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An NDJSON envelope line: headers and the body as raw text. */
  private static String envelope(String body, String... headers) throws IOException {
    ObjectNode e = CliJson.OUT.createObjectNode();
    ObjectNode h = e.putObject("headers");
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    e.put("body", body);
    return CliJson.OUT.writeValueAsString(e);
  }

  @Test
  void match_shippedFormatWithHeader_readsBodiesAsThatVendor() throws IOException {
    Cli.Run r = Cli.run("match", "-s", write("subs.json", BUGS), "--format", "github", "--header", "X-GitHub-Event: issues",
        write("events.ndjson", ISSUE_OPENED + "\n"));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode line = json(r.out());
    assertThat(line.get("matched").get(0).asText()).isEqualTo("new-bugs");
    assertThat(line.get("source").asText()).isEqualTo("github");
    assertThat(line.get("name").asText()).isEqualTo("issues.opened");
    assertThat(line.get("objCode").asText()).isEqualTo("ISSUES");
    assertThat(line.get("objId").asText()).isEqualTo("444500041");
  }

  @Test
  void match_envelopes_signedWithTheSecretFile_tamperedOnesAreBad() throws IOException {
    String secret = "cli-test-secret";
    String good = envelope(ISSUE_OPENED, "X-GitHub-Event", "issues", "X-Hub-Signature-256", sign(secret, ISSUE_OPENED));
    String tampered = envelope(ISSUE_OPENED.replace("Spelling", "Spellings"), "X-GitHub-Event", "issues",
        "X-Hub-Signature-256", sign(secret, ISSUE_OPENED));
    String events = write("deliveries.ndjson", good + "\n" + tampered + "\n");
    Cli.Run r = Cli.run("match", "-s", write("subs.json", BUGS), "--format", "github", "--secret-file", write("secret", secret + "\n"), events);
    assertThat(r.code()).isEqualTo(ExitCodes.NO_PASS); // one event was bad
    assertThat(r.outLines()).hasSize(1);
    assertThat(json(r.outLines().get(0)).get("event").asText()).isEqualTo(events + ":1");
    assertThat(r.err()).contains(events + ":2: unauthentic delivery (BAD_SIGNATURE)");
  }

  @Test
  void match_envelopeBodyAsJsonOrBase64_andHeadersOverTheCommandLine() throws IOException {
    String asJson = "{\"headers\": {\"X-GitHub-Event\": \"issues\"}, \"body\": " + ISSUE_OPENED + "}";
    String asBase64 = "{\"headers\": {\"X-GitHub-Event\": [\"issues\"]}, \"base64\": true, \"body\": \""
        + Base64.getEncoder().encodeToString(ISSUE_OPENED.getBytes(StandardCharsets.UTF_8)) + "\"}";
    Cli.Run r = Cli.run("match", "-s", write("subs.json", BUGS), "--format", "github", "--header", "X-GitHub-Event: push",
        write("e.ndjson", asJson + "\n" + asBase64 + "\n"));
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"matched\":[\"new-bugs\"]"));
  }

  @Test
  void match_mappingFile_andItsProblems() throws IOException {
    String mapping = write("acme.json", """
        {"source": "acme", "objCode": {"path": "$.entity", "case": "upper"}, "eventType": {"const": "UPDATE"},
         "newState": {"path": "$.row"}, "deliveryId": {"header": "X-Acme-Delivery"}}""");
    String subs = write("acme-subs.json", "[{\"id\": \"done\", \"objCode\": \"TICKET\", \"eventType\": \"UPDATE\","
        + " \"filters\": [{\"fieldName\": \"status\", \"fieldValue\": \"done\"}]}]");
    Cli.Run r = Cli.run("match", "-s", subs, "--mapping", mapping, write("t.ndjson", "{\"entity\": \"ticket\", \"row\": {\"status\": \"done\"}}\n"));
    assertThat(r.err()).isEmpty();
    assertThat(json(r.out()).get("source").asText()).isEqualTo("acme");

    String broken = write("broken.json", "{\"source\": \"acme\", \"objCode\": {\"path\": \"entity\"}, \"eventType\": {\"const\": \"UPDATED\"}}");
    Cli.Run bad = Cli.run("match", "-s", subs, "--mapping", broken, write("u.ndjson", "{}\n"));
    assertThat(bad.code()).isEqualTo(ExitCodes.NO_PASS);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.errLines()).contains(
        broken + ":/objCode/path: expected a JSONPath starting with $ (e.g. \"$.issue.id\"), found the string \"entity\"",
        broken + ":/eventType/const: an eventType is CREATE, UPDATE or DELETE, found the string \"UPDATED\"",
        broken + ":/newState: missing; say where the event's newState comes from, e.g. {\"path\": \"$.…\"}",
        "subfilter: 3 problems in the mapping " + broken + "; nothing was read (subfilter check --mapping lists them too)");
  }

  @Test
  void match_usageErrors() throws IOException {
    String subs = write("subs.json", BUGS);
    String events = write("e.ndjson", ISSUE_OPENED + "\n");
    assertThat(Cli.run("match", "-s", subs, "--format", "github", "--header", "no colon", events).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("match", "-s", subs, "--format", "github", "--mapping", subs, events).code()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("match", "-s", subs, "--format", "workfront", "--secret-file", subs, events).code()).isEqualTo(ExitCodes.USAGE);
    Cli.Run unknown = Cli.run("match", "-s", subs, "--format", "bitbucket", events);
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("expected one of auto, workfront, 4me, cmp, github, gitlab, jira, stripe, standard-webhooks");
  }

  @Test
  void match_cmpCallbackSecret_fromTheSecretFileAndTheEnvelope() throws IOException {
    String subs = write("cmp.json", "[{\"id\": \"done\", \"objCode\": \"EXTERNAL_SUB_STEP\", \"eventType\": \"UPDATE\"}]");
    String events = write("cmp.ndjson", envelope(CMP, "Callback-Secret", "s3cr3t") + "\n" + envelope(CMP, "Callback-Secret", "guess") + "\n"
        + CMP + "\n");
    Cli.Run r = Cli.run("match", "-s", subs, "--secret-file", write("cmp-secret", "s3cr3t"), events);
    assertThat(r.outLines()).hasSize(1);
    assertThat(r.err()).contains(events + ":2: unauthentic delivery (WRONG_SECRET)").contains(events + ":3: unauthentic delivery (MISSING_SECRET)");
  }

  @Test
  void check_mapping_goodAndBad() throws IOException {
    String good = write("good.json", "{\"source\": \"acme\", \"objCode\": {\"const\": \"T\"}, \"eventType\": {\"const\": \"UPDATE\"}, \"newState\": {\"path\": \"$\"}}");
    Cli.Run ok = Cli.run("check", "--mapping", good);
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEqualTo("1 mapping: no problems\n");
    String bad = write("bad.json", "{\"source\": \"acme\", \"objCode\": {\"path\": \"$.a[?(\"}, \"eventType\": {\"const\": \"UPDATE\"}, \"newState\": {\"path\": \"$\"}}");
    Cli.Run r = Cli.run("check", "--mapping", good, "--mapping", bad);
    assertThat(r.code()).isEqualTo(ExitCodes.NO_PASS);
    assertThat(r.outLines()).containsExactly(bad + ":/objCode/path: not a JSONPath: Could not parse token starting at position 3. Expected ?, ', 0-9, * ",
        "2 mappings: 1 problem");
    assertThat(Cli.run("check", "--mapping", tmp.resolve("missing.json").toString()).code()).isEqualTo(ExitCodes.UNREADABLE);
  }

  @Test
  void spec_mappingSpecFiles_pass() {
    Cli.Run r = Cli.run("spec", Cli.ROOT.resolve("spec-tests/src/test/resources/spec/mapping").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(" passed, 0 failed");
  }
}
