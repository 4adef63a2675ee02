package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code subfilter stats} on the shipped examples. */
class StatsCommandTest {
  private static final String SUBS = example("subscriptions.json");
  private static final String EVENTS = example("events.ndjson");

  @Test
  void stats_examples_placementsAndTheUnindexedWithWhy() {
    Cli.Run r = Cli.run("stats", SUBS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines().get(0)).isEqualTo("10 subscriptions: 0 pinned by objId, 6 under an eq value, 0 under a contains text, "
        + "2 under a range, changed, presence or absence list, 0 under several lists, 2 evaluated for every event of their gate");
    assertThat(r.outLines().get(1)).matches("retained heap: about [0-9,]+ bytes");
    assertThat(r.out()).contains("""
        evaluated for every event of their gate:
          cmp-substeps-completed  EXTERNAL_SUB_STEP external_sub_step_completed  /filters: no filters: every event of the gate matches
        """)
        .contains("  PROJ UPDATE  changed newState.name: 1 key, 1 subscription\n")
        .contains("  TASK UPDATE  range newState.plannedCompletionDate: 1 key, 1 subscription\n")
        .contains("  cmp-comments-added  EXTERNAL_SUB_STEP_COMMENT CREATE  /filters: no filters: every event of the gate matches\n")
        .contains("  TASK CREATE  eq newState.team → name: 1 key, 1 subscription\n")
        .doesNotContain("sample event");
  }

  @Test
  void stats_withSamples_candidatesPerEventAndTheMostEvaluatedWithoutMatching() {
    Cli.Run r = Cli.run("stats", SUBS, "--samples", EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("""
        11 sample events: 1.00 candidates per event (pinned 0, eq 7, contains 0, fallback 2, range 1, changed 1), 0.91 matches per event
        evaluated most often without matching:
          4me-project-tasks-started: evaluated 2, matched 1
        """);
  }

  @Test
  void statsJson_examples_theGuardFiguresFirst() throws IOException {
    Cli.Run r = Cli.run("stats", "--json", SUBS, "--samples", EVENTS);

    assertThat(r.code()).isZero();
    JsonNode s = CliJson.OUT.readTree(r.out());
    assertThat(s.fieldNames()).toIterable().startsWith("subscriptions", "evaluatedForEveryEvent", "candidatesPerEvent");
    assertThat(s.get("evaluatedForEveryEvent").asInt()).isEqualTo(2);
    assertThat(s.get("candidatesPerEvent").asDouble()).isEqualTo(1.00);
    assertThat(s.get("samples").get("events").asInt()).isEqualTo(11);
    assertThat(s.get("samples").get("matches").asInt()).isEqualTo(10);
    assertThat(s.get("unindexed")).hasSize(2);
    assertThat(s.get("loose").asInt()).isEqualTo(2);
  }

  @Test
  void stats_badSubscription_exit4BeforeAnyFigure() {
    Cli.Run r = Cli.withStdin("{\"objCode\": \"TASK\"}", "stats", "-");

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("<stdin>:");
  }
}
