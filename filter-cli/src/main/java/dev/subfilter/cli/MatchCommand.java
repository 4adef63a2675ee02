package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.SubfilterJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

/** {@code subfilter match}: which subscriptions does each event match? */
@Command(name = "match", sortOptions = false, usageHelpAutoWidth = true,
    header = "Print, for each event, the ids of the subscriptions it matches.",
    description = {
        "Subscriptions: a JSON array of them (each named by its id, or FILE#index when it has none), a single one, "
            + "or a folder of .json files. Events: NDJSON (one per line), a JSON array, single-payload files, folders of them, "
            + "or standard input ('-', or no EVENTS).",
        "",
        "Prints one JSON line per event: {\"event\": \"FILE:LINE\", \"matched\": [ids], \"source\", \"name\" (a vendor's event name), \"eventType\", \"objCode\", \"objId\"}. "
            + "A bad event is reported on stderr with its position and skipped. On a terminal, a progress bar and a closing line "
            + "go to stderr.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:some event matched some subscription, and every event was good",
        "1:no event matched, some events were bad, or a subscription has a problem",
        SubfilterCommand.EXIT_2, SubfilterCommand.EXIT_3})
public final class MatchCommand implements Callable<Integer> {
  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-s", "--subscriptions"}, required = true, paramLabel = "FILE|DIR",
      description = "Subscriptions: a file (one subscription or an array of them) or a folder of .json files. Repeatable.")
  List<Path> subscriptions;

  @Mixin
  EventOptions events;

  @Mixin
  SubscriptionOptions subscriptionOptions;

  @Option(names = "--count",
      description = "Print only the totals, as one JSON line: events, bad events, events matched, matches per subscription.")
  boolean count;

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "EVENTS", arity = "0..*",
      description = "Event files or folders; '-' or none for standard input.")
  List<String> inputs;

  @Override
  public Integer call() {
    Env env = root.env();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SubfilterJson json = subscriptionOptions.json();
    EventDecoder decoder = events.decoder(json);
    ValidSubscriptions.oneStdin(spec, subscriptions, inputs);
    Map<String, CompiledSubscription> subs = ValidSubscriptions.load(subscriptions, json, subscriptionOptions.lenient, err, env.in());
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(subs);

    EventReader reader = new EventReader(env, err, decoder, (int) Math.min(Integer.MAX_VALUE - 8, json.limits().maxDocumentBytes()), inputs, true);
    Progress progress = reader.progress();
    Map<String, Long> perSubscription = new LinkedHashMap<>();
    subs.keySet().forEach(id -> perSubscription.put(id, 0L));
    long[] matchedEvents = {0};
    long[] matches = {0};
    reader.read(new EventReader.Handler() {
      @Override
      public void event(String position, Event e) {
        List<String> ids = set.match(e);
        if (!ids.isEmpty()) {
          matchedEvents[0]++;
          matches[0] += ids.size();
          ids.forEach(id -> perSubscription.merge(id, 1L, Long::sum));
        }
        if (!count) {
          ObjectNode line = CliJson.OUT.createObjectNode();
          line.put("event", position);
          ArrayNode m = line.putArray("matched");
          ids.forEach(m::add);
          line.put("source", e.source());
          if (!e.name().equals(e.eventType())) {
            line.put("name", e.name());
          }
          line.put("eventType", e.eventType());
          line.put("objCode", e.objCode());
          if (e.objId() != null) {
            line.put("objId", e.objId());
          }
          print(out, progress, line);
        }
      }

      @Override
      public void handshake(String position, Delivery.Handshake h) {
        if (!count) {
          ObjectNode line = CliJson.OUT.createObjectNode();
          line.put("event", position);
          line.putArray("matched");
          line.put("source", h.source());
          line.put("handshake", h.callbackUrl());
          print(out, progress, line);
        }
      }
    });

    if (count) {
      ObjectNode totals = CliJson.OUT.createObjectNode();
      totals.put("events", reader.events);
      totals.put("bad", reader.bad);
      if (reader.handshakes > 0) {
        totals.put("handshakes", reader.handshakes);
      }
      totals.put("matchedEvents", matchedEvents[0]);
      totals.put("matches", matches[0]);
      ObjectNode by = totals.putObject("bySubscription");
      perSubscription.forEach(by::put);
      print(out, progress, totals);
    }
    out.flush();
    long read = reader.events + reader.bad + reader.handshakes;
    if (read == 0 && reader.unreadable == 0) {
      reader.problem("no events in " + reader.describeInputs());
    }
    progress.finish(String.format(Locale.ROOT, "%,d events read%s in %s: %,d matched, %,d matches, %s events/s",
        read, reader.bad == 0 ? "" : String.format(Locale.ROOT, " (%,d bad)", reader.bad), progress.elapsed(),
        matchedEvents[0], matches[0], progress.rate(read)));
    return ExitCodes.worst(reader.exitCode(), matchedEvents[0] > 0 ? ExitCodes.OK : ExitCodes.NO_PASS);
  }

  private static void print(PrintWriter out, Progress progress, ObjectNode line) {
    String text;
    try {
      text = CliJson.OUT.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (progress.on()) {
      progress.clear();
      out.println(text);
      out.flush();
    } else {
      out.println(text);
    }
  }
}
