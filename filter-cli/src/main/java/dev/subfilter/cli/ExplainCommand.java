package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Explanation;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JsonValues;
import dev.subfilter.jackson.SubfilterJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code subfilter explain}: why does (or doesn't) a subscription match an event? */
@Command(name = "explain", sortOptions = false, usageHelpAutoWidth = true,
    header = "Show why each event matches each subscription or not, filter by filter.",
    description = {
        "For each event, each subscription is shown as a tree: the gate (eventType, objCode, objId), then every filter "
            + "and group with the value(s) it saw in which state, its result, and the reason when false (absent from "
            + "newState, type mismatch, old state unknown, ...).",
        "",
        "With several subscriptions, those whose gate the event does not pass are listed on one line (--all shows them in "
            + "full). --json prints one JSON line per event and subscription, for tools.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:some event matched some subscription, and every event was good",
        "1:nothing matched, some events were bad, or a subscription has a problem",
        SubfilterCommand.EXIT_2, SubfilterCommand.EXIT_3})
public final class ExplainCommand implements Callable<Integer> {
  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-s", "--subscription", "--subscriptions"}, required = true, paramLabel = "FILE|DIR",
      description = "The subscription: a file with one, or with an array of them (all explained, or those --id picks), or a folder.")
  List<Path> subscriptions;

  @Option(names = "--id", paramLabel = "ID", description = "Explain only the subscription with this id (FILE#index when it has none). Repeatable.")
  List<String> ids;

  @Option(names = "--all", description = "Explain in full even the subscriptions whose gate the event does not pass.")
  boolean all;

  @Option(names = "--json", description = "One JSON line per event and subscription: {\"event\", \"subscription\", \"matched\", \"explanation\"}.")
  boolean json;

  @Mixin
  EventOptions events;

  @Mixin
  SubscriptionOptions subscriptionOptions;

  @Mixin
  ColourOption colour;

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "EVENT", arity = "0..*", description = "The event: a file (one payload, NDJSON or an array: each explained), a folder, or '-' (the default) for standard input.")
  List<String> inputs;

  @Override
  public Integer call() {
    Env env = root.env();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SubfilterJson reader = subscriptionOptions.json();
    EventDecoder decoder = events.decoder(reader);
    ValidSubscriptions.oneStdin(spec, subscriptions, inputs);
    Map<String, CompiledSubscription> subs = ValidSubscriptions.load(subscriptions, reader, subscriptionOptions.lenient, err, env.in());
    if (ids != null && !ids.isEmpty()) {
      Map<String, CompiledSubscription> picked = new LinkedHashMap<>();
      for (String id : ids) {
        CompiledSubscription s = subs.get(id);
        if (s == null) {
          throw new ParameterException(spec.commandLine(), "no subscription with id \"" + id + "\"; the ids are " + String.join(", ", subs.keySet()));
        }
        picked.put(id, s);
      }
      subs = picked;
    }
    boolean full = all || subs.size() == 1;
    Style style = new Style(colour.on(env));
    Map<String, CompiledSubscription> chosen = subs;
    EventReader events = new EventReader(env, err, decoder, (int) Math.min(Integer.MAX_VALUE - 8, reader.limits().maxDocumentBytes()), inputs, false);
    boolean[] anyMatch = {false};
    boolean[] first = {true};
    events.read(new EventReader.Handler() {
      @Override
      public void event(String position, Event e) {
        if (json) {
          for (Map.Entry<String, CompiledSubscription> s : chosen.entrySet()) {
            Explanation x = s.getValue().explain(e);
            anyMatch[0] |= x.matched();
            ObjectNode line = CliJson.OUT.createObjectNode();
            line.put("event", position);
            line.put("subscription", s.getKey());
            line.put("matched", x.matched());
            line.set("explanation", JsonValues.toJackson(x.toJson()));
            out.println(write(line));
          }
          return;
        }
        if (!first[0]) {
          out.println();
        }
        first[0] = false;
        out.println(style.bold(position) + "  " + describe(e));
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, CompiledSubscription> s : chosen.entrySet()) {
          Explanation x = s.getValue().explain(e);
          anyMatch[0] |= x.matched();
          if (!full && !x.gatePassed()) {
            skipped.add(s.getKey());
            continue;
          }
          List<String> lines = x.lines(style);
          out.println("  " + style.bold(s.getKey()) + ": " + lines.get(0));
          for (int i = 1; i < lines.size(); i++) {
            out.println("    " + lines.get(i));
          }
        }
        if (!skipped.isEmpty()) {
          out.println(style.dim("  not for this event (eventType or objCode differ): " + String.join(", ", skipped)));
        }
      }

      @Override
      public void handshake(String position, Delivery.Handshake h) {
        if (json) {
          ObjectNode line = CliJson.OUT.createObjectNode();
          line.put("event", position);
          line.put("handshake", h.callbackUrl());
          out.println(write(line));
          return;
        }
        if (!first[0]) {
          out.println();
        }
        first[0] = false;
        out.println(style.bold(position) + "  " + h.source() + " handshake: no event, a request to confirm the webhook at " + h.callbackUrl());
      }
    });
    out.flush();
    if (events.events + events.bad + events.handshakes == 0 && events.unreadable == 0) {
      events.problem("no events in " + events.describeInputs());
    }
    return ExitCodes.worst(events.exitCode(), anyMatch[0] ? ExitCodes.OK : ExitCodes.NO_PASS);
  }

  /** {@code workfront UPDATE  PROJ 59d7...}, {@code 4me task.status-changed (UPDATE)  TASK 5231}. */
  static String describe(Event e) {
    String type = e.name().equals(e.eventType()) ? e.eventType() : e.name() + " (" + e.eventType() + ")";
    return e.source() + " " + type + "  " + e.objCode() + (e.objId() == null ? "" : " " + e.objId())
        + (e.hasOldState() ? "" : "  (old state unknown)");
  }

  private static String write(ObjectNode line) {
    try {
      return CliJson.OUT.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ANSI colour for the text rendering, or none: marks coloured from the explanation's own results. */
  static final class Style implements Explanation.Style {
    private static final String RESET = "\u001b[0m";
    private final boolean on;

    Style(boolean on) {
      this.on = on;
    }

    String bold(String s) {
      return on ? "\u001b[1m" + s + RESET : s;
    }

    String dim(String s) {
      return on ? "\u001b[2m" + s + RESET : s;
    }

    private String colour(String code, String s) {
      return on ? code + s + RESET : s;
    }

    /** The first line: {@code match} green, {@code no match: ...} red. */
    @Override
    public String verdict(boolean matched, String line) {
      return colour(matched ? "\u001b[1;32m" : "\u001b[1;31m", line);
    }

    /** pass green, FAIL red. */
    @Override
    public String mark(boolean passed, String mark) {
      return colour(passed ? "\u001b[32m" : "\u001b[31m", mark);
    }

    /** why: yellow, saw dimmed. */
    @Override
    public String label(String label) {
      return label.equals("why:") ? colour("\u001b[33m", label) : dim(label);
    }
  }
}
