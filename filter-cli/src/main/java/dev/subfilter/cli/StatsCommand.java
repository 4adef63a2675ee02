package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.SetStats;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JsonValues;
import dev.subfilter.jackson.SubfilterJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code subfilter stats}: what a set of subscriptions costs to match ({@link SubscriptionSet#stats}). */
@Command(name = "stats", sortOptions = false, usageHelpAutoWidth = true,
    header = "Show what the subscriptions cost to match: where each is indexed, which are evaluated for every event and why.",
    description = {"The subscriptions are put in one SubscriptionSet, as match does. Printed: how many sit under each index "
        + "structure, those evaluated for every event of their gate (each with the filter that keeps it out of the index), "
        + "distinct keys per indexed field, a retained heap estimate and warnings. With --samples EVENTS also the candidates "
        + "and matches per event and the subscriptions evaluated most often without matching. --json prints one object.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the statistics were printed", ExitCodes.HELP_2, ExitCodes.HELP_3, "4:a subscription has a problem",
        "5:some sample events were bad (each reported)", ExitCodes.HELP_70})
public final class StatsCommand implements Callable<Integer> {
  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = "--samples", paramLabel = "EVENTS", description = "Sample events to match (a file, NDJSON or array, a folder, or '-'; "
      + "repeatable), read as --format says.")
  List<String> samples;

  @Option(names = "--json", description = "One JSON object (SetStats.toJson()): evaluatedForEveryEvent and candidatesPerEvent first.")
  boolean json;

  @Mixin
  EventOptions events;

  @Mixin
  SubscriptionOptions subscriptionOptions;

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Subscription files or folders; '-' reads them from standard input.")
  List<Path> files;

  @Override
  public Integer call() {
    Env env = root.env();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SubfilterJson reader = subscriptionOptions.json();
    EventDecoder decoder = events.decoder(reader);
    if (samples != null) {
      ValidSubscriptions.oneStdin(spec, files, samples);
    }
    Map<String, CompiledSubscription> subs = ValidSubscriptions.load(files, reader, subscriptionOptions.lenient, err, env.in());
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(subs);
    int readCode = ExitCodes.OK;
    SetStats stats;
    if (samples == null || samples.isEmpty()) {
      stats = set.stats();
    } else {
      List<Event> read = new ArrayList<>();
      EventReader r = new EventReader(env, err, decoder, (int) Math.min(Integer.MAX_VALUE - 8, reader.limits().maxDocumentBytes()),
          samples, false);
      r.read(new EventReader.Handler() {
        @Override
        public void event(String position, Event event) {
          read.add(event);
        }

        @Override
        public void handshake(String position, Delivery.Handshake handshake) {
          // not an event: nothing is matched
        }
      });
      if (r.events + r.bad + r.handshakes == 0 && r.unreadable == 0) {
        r.problem("no events in " + r.describeInputs());
      }
      readCode = r.exitCode();
      stats = set.stats(read);
    }
    if (json) {
      try {
        out.println(CliJson.OUT.writeValueAsString(JsonValues.toJackson(stats.toJson())));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      text(out, stats);
    }
    out.flush();
    return readCode;
  }

  private static void text(PrintWriter out, SetStats s) {
    out.println(Summary.count(s.subscriptions(), "subscription") + ": " + s.pinned() + " pinned by objId, " + s.eq() + " under an eq value, "
        + s.contains() + " under a contains text, " + s.loose() + " under a range, changed, presence or absence list, "
        + s.severalLists() + " under several lists, " + s.evaluatedForEveryEvent() + " evaluated for every event of their gate");
    out.println(String.format(Locale.ROOT, "retained heap: about %,d bytes", s.retainedBytesEstimate()));
    if (!s.unindexed().isEmpty()) {
      out.println();
      out.println("evaluated for every event of their gate:");
      for (SetStats.Unindexed u : s.unindexed()) {
        out.println("  " + u.id() + "  " + u.gate() + "  " + u.pointer() + ": " + u.reason());
      }
    }
    if (!s.fields().isEmpty()) {
      out.println();
      out.println("indexed fields:");
      for (SetStats.IndexedField f : s.fields()) {
        out.println("  " + f.gate() + "  " + f.kind() + " " + f.state() + "." + f.path() + ": " + Summary.count(f.keys(), "key") + ", "
            + Summary.count(f.subscriptions(), "subscription"));
      }
    }
    SetStats.Samples m = s.samples();
    if (m != null && m.events() > 0) {
      out.println();
      out.println(String.format(Locale.ROOT, "%s: %.2f candidates per event (%s), %.2f matches per event",
          Summary.count(m.events(), "sample event"), s.candidatesPerEvent(), byList(m.byList()), m.matchesPerEvent()));
      if (!m.mostEvaluatedWithoutMatch().isEmpty()) {
        out.println("evaluated most often without matching:");
        for (SetStats.Evaluated e : m.mostEvaluatedWithoutMatch()) {
          out.println("  " + e.id() + ": evaluated " + e.evaluated() + ", matched " + e.matched());
        }
      }
    }
    for (String w : s.warnings()) {
      out.println("warning: " + w);
    }
  }

  private static String byList(Map<String, Long> byList) {
    List<String> parts = new ArrayList<>();
    byList.forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }
}
