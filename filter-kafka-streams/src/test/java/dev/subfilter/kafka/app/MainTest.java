package dev.subfilter.kafka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable entry point without a broker: usage, configuration errors, --describe. (It runs against a broker in RouterBrokerTest.) */
class MainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path config(String text) throws IOException {
    Path p = dir.resolve("router.properties");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void help_printsPropertiesAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("subfilter.topic.deliveries", "subfilter.4me.public-key-file",
        "subfilter.cmp.callback-secret-env", "exit codes");
  }

  @Test
  void noConfig_isAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("subfilter-router: no CONFIG.properties given");
  }

  @Test
  void missingRequiredSetting_isAConfigurationError() throws IOException {
    assertThat(run(config("application.id=a\n").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bootstrap.servers is required");
  }

  @Test
  void badValue_namesTheKeyAndWhatIsAllowed() throws IOException {
    Path c = config("application.id=a\nbootstrap.servers=localhost:9\nsubfilter.store=disk\n");
    assertThat(run(c.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("subfilter.store must be one of in-memory, persistent, was disk");
  }

  @Test
  void unsetSecretVariable_isAConfigurationError() throws IOException {
    Path c = config("application.id=a\nbootstrap.servers=localhost:9\nsubfilter.cmp.callback-secret-env=SUBFILTER_TEST_NO_SUCH_VARIABLE\n");
    assertThat(run(c.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SUBFILTER_TEST_NO_SUCH_VARIABLE, which is not set");
  }

  @Test
  void describe_printsTheTopologyWithTheConfiguredTopics() throws IOException {
    Path c = config("application.id=a\nbootstrap.servers=localhost:9\nsubfilter.topic.events=webhooks\n");
    assertThat(run("--describe", "--set", "subfilter.topic.subscriptions=subs", c.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("topics: [webhooks]", "topics: [subs]", "subfilter-router",
        "topic: subfilter-deliveries", "topic: subfilter-dead-letters");
  }

  @Test
  void perSubscriptionTopicTemplate_namesASafeTopic() {
    assertThat(Main.Settings.topicSafe("team a/ü")).isEqualTo("team_a__");
  }
}
