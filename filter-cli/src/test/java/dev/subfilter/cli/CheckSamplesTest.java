package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Lint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}'s lint: warnings with stable codes, {@code --samples}, {@code --strict}, {@code --suppress}. */
class CheckSamplesTest {
  private static final String EVENTS = example("events.ndjson");

  @TempDir
  Path tmp;

  private Path suspicious() throws IOException {
    Path p = tmp.resolve("subs.json");
    Files.writeString(p, """
        [ {"id": "never", "objCode": "TASK", "eventType": "UPDATE", "filters": [
            {"fieldName": "status", "fieldValue": "CPL"}, {"fieldName": "status", "fieldValue": "INP"}]},
          {"id": "typo", "objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "stauts", "fieldValue": "CPL"}]},
          {"id": "unseen", "objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "XYZ"}]},
          {"id": "created", "objCode": "PROJ", "eventType": "CREATE", "filters": [{"fieldName": "name", "comparison": "changed"}]},
          {"id": "created-again", "objCode": "PROJ", "eventType": "CREATE", "filters": [{"fieldName": "name", "comparison": "changed"}]} ]
        """, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void checkSamples_examples_noWarnings() {
    Cli.Run r = Cli.run("check", example("subscriptions.json"), "--samples", EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("10 subscriptions in 1 file: no problems; 11 sample events\n");
  }

  @Test
  void checkSamples_eachWarningAsFilePointerCode_exit0() throws IOException {
    Path f = suspicious();

    Cli.Run r = Cli.run("check", f.toString(), "--samples", EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).hasSize(7);
    assertThat(r.outLines().get(0)).startsWith(f + ":/0/filters/1: warning contradiction (never): status eq \"INP\" and /filters/0");
    assertThat(r.outLines().get(1)).isEqualTo(f + ":/1/filters/0/fieldName: warning unknown-field (typo): \"stauts\" is absent from all "
        + "4 sample events of TASK; did you mean \"status\"?");
    assertThat(r.outLines().get(2)).startsWith(f + ":/2/filters/0/fieldValue: warning value-never-seen (unseen): status eq \"XYZ\" holds "
        + "for none of the 4 sample events of TASK");
    assertThat(r.outLines().get(3)).startsWith(f + ":/3/filters/0: warning old-state-on-create (created): ");
    assertThat(r.outLines().get(4)).startsWith(f + ":/4: warning duplicate-subscription (created-again): ");
    assertThat(r.outLines().get(5)).startsWith(f + ":/4/filters/0: warning old-state-on-create (created-again): ");
    assertThat(r.outLines().get(6)).isEqualTo("5 subscriptions in 1 file: no problems, 6 warnings; 11 sample events");
  }

  @Test
  void check_withoutSamples_onlyTheSampleFreeWarnings() throws IOException {
    Cli.Run r = Cli.run("check", suspicious().toString());

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).noneMatch(l -> l.contains("unknown-field") || l.contains("value-never-seen"));
    assertThat(r.outLines().get(r.outLines().size() - 1)).isEqualTo("5 subscriptions in 1 file: no problems, 4 warnings");
  }

  @Test
  void strict_warningsFail_suppressedOnesDoNot() throws IOException {
    String f = suspicious().toString();

    Cli.Run strict = Cli.run("check", "--strict", f);
    Cli.Run suppressed = Cli.run("check", "--strict", "--suppress", "contradiction,old-state-on-create", "--suppress",
        "duplicate-subscription", f);

    assertThat(strict.code()).isEqualTo(4);
    assertThat(suppressed.code()).isZero();
    assertThat(suppressed.out()).isEqualTo("5 subscriptions in 1 file: no problems (4 suppressed)\n");
  }

  @Test
  void suppress_unknownCode_isAUsageErrorListingTheCodes() throws IOException {
    Cli.Run r = Cli.run("check", "--suppress", "contradictions", suspicious().toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("subfilter: --suppress contradictions: no such warning code; the codes are "
        + String.join(", ", Arrays.stream(Lint.Code.values()).map(Lint.Code::token).toList()) + ";");
  }

  @Test
  void samples_subscriptionsAndSamplesBothFromStandardInput_usageError() throws IOException {
    Cli.Run both = Cli.withStdin("{}", "check", "-", "--samples", "-");
    Cli.Run subscriptionsOnly = Cli.withStdin(java.nio.file.Files.readString(java.nio.file.Path.of(example("subscriptions.json"))), "check", "-", "--samples", EVENTS);

    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("standard input can hold the subscriptions (-) or the samples (--samples -), not both");
    assertThat(subscriptionsOnly.code()).as(subscriptionsOnly.err()).isZero();
    assertThat(subscriptionsOnly.out()).contains("no problems");
  }

  @Test
  void samples_missingFile_exit3() throws IOException {
    Cli.Run r = Cli.run("check", suspicious().toString(), "--samples", tmp.resolve("none.ndjson").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("none.ndjson: no such file or folder");
  }
}
