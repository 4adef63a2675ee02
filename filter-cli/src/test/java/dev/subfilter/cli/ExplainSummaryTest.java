package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --summary} (text, --json, --candidate, --html) on the shipped examples. */
class ExplainSummaryTest {
  private static final String SUBS = example("subscriptions.json");
  private static final String EVENTS = example("events.ndjson");

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** How often match says each subscription matched, over the examples. */
  private static Map<String, Integer> matchCounts() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : Cli.run("match", "-s", SUBS, EVENTS).outLines()) {
      for (JsonNode id : CliJson.OUT.readTree(line).get("matched")) {
        counts.merge(id.asText(), 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void summary_examples_tableThenTheFunnelOfEachSubscriptionThatRejected() {
    Cli.Run r = Cli.run("explain", "--summary", "-s", SUBS, EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        11 events read; 10 subscriptions

        subscription                   gate passed  matched  rejected
        projects-renamed                         1        1         0
        new-current-projects                     1        1         0
        tasks-completed-again                    3        1         2
        urgent-tasks-due-after-11-dec            3        1         2
        4me-new-houston-tasks                    1        1         0
        4me-tasks-completed                      1        1         0
        4me-project-tasks-started                2        1         1
        cmp-jira-work                            2        1         1
        cmp-substeps-completed                   1        1         0
        cmp-comments-added                       1        1         0

        tasks-completed-again  TASK UPDATE: 3 passed the gate, 1 matched, 2 rejected
          rejected  near misses  filter
                 2            0  /filters/0  name contains "again"
                 2            0  /filters/1  status eq "CPL"
                 1            0  /filters/2  status changed

        urgent-tasks-due-after-11-dec  TASK UPDATE: 3 passed the gate, 1 matched, 2 rejected
          rejected  near misses  filter
                 2            0  /filters/0  plannedCompletionDate gt "2022-12-11T16:00:00.000-0800"
                 2            0  /filters/1  group OR
                 2            0  /filters/1/filters/0  priority gte 3
                 2            0  /filters/1/filters/1  DE:Budget gte "1500"

        4me-project-tasks-started  PROJECT_TASK UPDATE: 2 passed the gate, 1 matched, 1 rejected
          rejected  near misses  filter
                 0            0  /filters/0  status eq "in_progress"
                 1            1  /filters/1  status changed
                                 near-miss values: "in_progress" 1

        cmp-jira-work  EXTERNAL_SUB_STEP UPDATE: 2 passed the gate, 1 matched, 1 rejected
          rejected  near misses  filter
                 1            1  /filters/0  external_work eq {"fields":{"external_system":"Jira"}}
                                 near-miss values: {"external_system":"Trello","links":{"self":"","task":"","sub_step":""}} 1
        """);
  }

  @Test
  void summaryJson_examples_matchedEqualsWhatMatchSays() throws IOException {
    Cli.Run r = Cli.run("explain", "--summary", "--json", "-s", SUBS, EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).hasSize(1);
    JsonNode report = CliJson.OUT.readTree(r.out());
    assertThat(report.get("events").asInt()).isEqualTo(11);
    assertThat(report.get("subscriptions")).hasSize(10);
    Map<String, Integer> matched = matchCounts();
    for (JsonNode e : report.get("subscriptions")) {
      assertThat(e.get("matched").asInt()).as(e.get("id").asText()).isEqualTo(matched.getOrDefault(e.get("id").asText(), 0));
      assertThat(e.has("candidate")).isFalse();
    }
    JsonNode jira = report.get("subscriptions").get(7);
    assertThat(jira.get("id").asText()).isEqualTo("cmp-jira-work");
    JsonNode row = jira.get("filters").get(0);
    assertThat(row.get("pointer").asText()).isEqualTo("/filters/0");
    assertThat(row.get("kind").asText()).isEqualTo("condition");
    assertThat(row.get("rejected").asInt()).isEqualTo(1);
    assertThat(row.get("nearMisses").asInt()).isEqualTo(1);
    assertThat(row.get("nearMissValues").get(0).get("value").asText()).contains("Trello");
  }

  @Test
  void candidate_notLiveYet_countedBesideTheLiveOnes() throws IOException {
    Path candidate = write("candidate.json", """
        [ {"id": "tasks-in-progress", "objCode": "TASK", "eventType": "UPDATE",
           "filters": [{"fieldName": "status", "fieldValue": "INP"}]},
          {"id": "cmp-jira-work", "objCode": "EXTERNAL_SUB_STEP", "eventType": "UPDATE",
           "filters": [{"fieldName": "external_work", "fieldValue": {"fields": {"external_system": "Trello"}}}]} ]
        """);

    Cli.Run r = Cli.run("explain", "--summary", "--json", "-s", SUBS, "--candidate", candidate.toString(), EVENTS);

    assertThat(r.code()).isZero();
    JsonNode subs = CliJson.OUT.readTree(r.out()).get("subscriptions");
    assertThat(subs).hasSize(12);
    assertThat(subs.get(7).get("id").asText()).isEqualTo("cmp-jira-work");
    assertThat(subs.get(7).has("candidate")).isFalse();
    JsonNode inProgress = subs.get(10);
    assertThat(inProgress.get("id").asText()).isEqualTo("tasks-in-progress");
    assertThat(inProgress.get("candidate").asBoolean()).isTrue();
    assertThat(inProgress.get("gatePassed").asInt()).isEqualTo(3);
    JsonNode trello = subs.get(11);
    assertThat(trello.get("id").asText()).isEqualTo("cmp-jira-work (candidate)");
    assertThat(trello.get("candidate").asBoolean()).isTrue();
    assertThat(trello.get("matched").asInt()).isEqualTo(1);
    assertThat(trello.get("filters").get(0).get("nearMissValues").get(0).get("value").asText()).contains("Jira");
  }

  @Test
  void candidate_alone_needsNoLiveSubscriptions() throws IOException {
    Path candidate = write("candidate.json", """
        {"id": "projects-current", "objCode": "PROJ", "eventType": "CREATE", "filters": [{"fieldName": "status", "fieldValue": "CUR"}]}
        """);

    Cli.Run r = Cli.run("explain", "--summary", "--candidate", candidate.toString(), EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.outLines()).startsWith("11 events read; 1 subscription", "", "subscription                  gate passed  matched  rejected",
        "projects-current (candidate)            1        1         0");
  }

  @Test
  void candidateOrHtml_withoutSummary_isAUsageError() {
    Cli.Run candidate = Cli.run("explain", "-s", SUBS, "--candidate", SUBS, EVENTS);
    Cli.Run html = Cli.run("explain", "-s", SUBS, "--html", tmp.resolve("x.html").toString(), EVENTS);
    Cli.Run neither = Cli.run("explain", "--summary", EVENTS);

    assertThat(candidate.code()).isEqualTo(2);
    assertThat(candidate.err()).startsWith("subfilter: --candidate needs --summary;");
    assertThat(html.code()).isEqualTo(2);
    assertThat(html.err()).startsWith("subfilter: --html needs --summary;");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).startsWith("subfilter: Missing required option: '--subscription=FILE|DIR' (or --candidate FILE);");
  }

  @Test
  void summary_badEventsSkipped_countedAndExit5() throws IOException {
    Path events = write("events.ndjson", Files.readAllLines(Path.of(EVENTS)).get(0) + "\n{\"eventType\": \"UPDATE\"}\n");

    Cli.Run r = Cli.run("explain", "--summary", "-s", SUBS, events.toString());

    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).startsWith("subfilter: " + events + ":2: ");
    assertThat(r.outLines().get(0)).isEqualTo("1 event read (1 bad event skipped); 10 subscriptions");
  }

  @Test
  void html_examples_oneSelfContainedPageWithABlockPerSubscription() throws IOException {
    Path page = tmp.resolve("funnel.html");

    Cli.Run r = Cli.run("explain", "--summary", "--html", page.toString(), "-s", SUBS, EVENTS);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo("subfilter: wrote " + page + "\n");
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("default-src 'none'")
        .doesNotContain("<script", "http://", "https://", "<link", "<img");
    assertThat(html.split("<section class=\"subscription\">", -1)).hasSize(11);
    assertThat(html).contains("cmp-jira-work <span class=\"gate\">EXTERNAL_SUB_STEP UPDATE</span>")
        .contains("external_work eq {&quot;fields&quot;:{&quot;external_system&quot;:&quot;Jira&quot;}}")
        .contains("<span class=\"bar rejected\" style=\"width:50.00%\"></span><span class=\"bar near\" style=\"width:50.00%\"></span>");
  }
}
