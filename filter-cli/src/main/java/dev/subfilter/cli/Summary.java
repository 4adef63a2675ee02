package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Funnel;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JsonValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code subfilter explain --summary}: one {@link Funnel} over every event read, rendered as a
 * table, as JSON ({@code --json}) or as an HTML page ({@code --html}). Candidates ({@code
 * --candidate}) are counted in the same funnel, after the live subscriptions; one whose id a live
 * subscription has too is listed as {@code ID (candidate)}, so a new version can be compared with
 * the live one.
 */
final class Summary {
  static final String CANDIDATE = " (candidate)";

  private final Env env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, CompiledSubscription> all = new LinkedHashMap<>();
  private final Set<String> candidates = new HashSet<>();

  Summary(Env env, PrintWriter out, PrintWriter err, Map<String, CompiledSubscription> live, Map<String, CompiledSubscription> dry) {
    this.env = env;
    this.out = out;
    this.err = err;
    all.putAll(live);
    dry.forEach((id, s) -> {
      String key = live.containsKey(id) ? id + CANDIDATE : id;
      all.put(key, s);
      candidates.add(key);
    });
  }

  /** Reads every event into the funnel, prints it and writes the page; the exit code as explain's. */
  int run(EventDecoder decoder, long maxDocumentBytes, List<String> inputs, boolean json, Path html) {
    Funnel funnel = Funnel.of(all);
    EventReader reader = new EventReader(env, err, decoder, (int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes), inputs, true);
    reader.read(new EventReader.Handler() {
      @Override
      public void event(String position, Event event) {
        funnel.add(event);
      }

      @Override
      public void handshake(String position, Delivery.Handshake handshake) {
        // not an event: no subscription sees it
      }
    });
    reader.progress().clear();
    if (reader.events + reader.bad + reader.handshakes == 0 && reader.unreadable == 0) {
      reader.problem("no events in " + reader.describeInputs());
    }
    Funnel.Report report = funnel.report();
    if (html != null) {
      try {
        Files.writeString(html, SummaryPage.render(report, candidates), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(ExitCodes.UNREADABLE, html + ": cannot write the page: " + e.getMessage(), e);
      }
    }
    if (json) {
      out.println(json(report));
    } else {
      text(report, reader);
    }
    if (html != null) {
      err.println("subfilter: wrote " + html);
    }
    out.flush();
    err.flush();
    boolean anyMatch = report.subscriptions().stream().anyMatch(e -> e.matched() > 0);
    return ExitCodes.worst(reader.exitCode(), anyMatch ? ExitCodes.OK : ExitCodes.NO_PASS);
  }

  /** {@link Funnel.Report#toJson()} with {@code "candidate": true} on each candidate's entry. */
  String json(Funnel.Report report) {
    JsonNode tree = JsonValues.toJackson(report.toJson());
    for (JsonNode entry : tree.get("subscriptions")) {
      if (candidates.contains(entry.get("id").asText())) {
        ((ObjectNode) entry).put("candidate", true);
      }
    }
    try {
      return CliJson.OUT.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The overview table, then the funnel of each subscription that rejected some event. */
  private void text(Funnel.Report report, EventReader reader) {
    List<Funnel.Entry> entries = report.subscriptions();
    out.println(count(report.events(), "event") + " read" + (reader.bad > 0 ? " (" + count(reader.bad, "bad event") + " skipped)" : "")
        + "; " + count(entries.size(), "subscription"));
    int width = "subscription".length();
    for (Funnel.Entry e : entries) {
      width = Math.max(width, name(e).length());
    }
    out.println();
    out.printf(Locale.ROOT, "%-" + width + "s  %11s  %7s  %8s%n", "subscription", "gate passed", "matched", "rejected");
    for (Funnel.Entry e : entries) {
      out.printf(Locale.ROOT, "%-" + width + "s  %11d  %7d  %8d%n", name(e), e.gatePassed(), e.matched(), e.rejected());
    }
    for (Funnel.Entry e : entries) {
      if (e.rejected() == 0) {
        continue;
      }
      out.println();
      out.println(name(e) + "  " + e.gate() + ": " + e.gatePassed() + " passed the gate, " + e.matched() + " matched, "
          + e.rejected() + " rejected");
      out.println("  rejected  near misses  filter");
      for (Funnel.FilterRow r : e.filters()) {
        out.printf(Locale.ROOT, "  %8d  %11d  %s%n", r.rejected(), r.nearMisses(), r.pointer() + "  " + r.description());
        if (!r.nearMissValues().isEmpty()) {
          out.println("                         near-miss values: " + values(r));
        }
      }
    }
  }

  String name(Funnel.Entry e) {
    return candidates.contains(e.id()) && !e.id().endsWith(CANDIDATE) ? e.id() + CANDIDATE : e.id();
  }

  /** {@code "INP" 3, (absent) 1, 2 other}. */
  static String values(Funnel.FilterRow r) {
    List<String> parts = new ArrayList<>();
    for (Funnel.Values.Count c : r.nearMissValues()) {
      parts.add(c.value() + " " + c.count());
    }
    if (r.otherNearMissValues() > 0) {
      parts.add(r.otherNearMissValues() + " other");
    }
    return String.join(", ", parts);
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
