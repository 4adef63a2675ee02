package dev.subfilter.cli;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.jackson.SubfilterJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subscriptions loaded for match and explain: all valid, or the run does not start. */
final class ValidSubscriptions {
  private ValidSubscriptions() {}

  /** {@code -s -} and events from standard input cannot both read it. */
  static void oneStdin(picocli.CommandLine.Model.CommandSpec spec, List<Path> subscriptions, List<String> inputs) {
    boolean subs = subscriptions.stream().anyMatch(p -> p.toString().equals("-"));
    boolean events = inputs == null || inputs.isEmpty() || inputs.contains("-");
    if (subs && events) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "standard input can hold the subscriptions (-s -) or the events, not both; name the event files");
    }
  }

  /**
   * The compiled subscriptions of {@code paths}, by id in file order.
   *
   * @throws CliException exit 3 when a path cannot be read, exit 1 when any subscription has a
   *     problem (each printed on {@code err} as {@code file:/pointer: message} first)
   */
  static Map<String, CompiledSubscription> load(List<Path> paths, SubfilterJson json, boolean lenient, PrintWriter err,
      java.io.InputStream stdin) {
    SubscriptionFiles.Result r = SubscriptionFiles.load(paths, json, lenient, stdin);
    if (!r.unreadable.isEmpty()) {
      for (int i = 0; i < r.unreadable.size() - 1; i++) {
        err.println("subfilter: " + r.unreadable.get(i));
      }
      throw new CliException(ExitCodes.UNREADABLE, r.unreadable.get(r.unreadable.size() - 1));
    }
    if (!r.problems.isEmpty()) {
      for (SubscriptionFiles.Finding f : r.problems) {
        err.println(f.format());
      }
      throw new CliException(ExitCodes.NO_PASS, (r.problems.size() == 1 ? "1 problem" : r.problems.size() + " problems")
          + " in the subscriptions; nothing was matched (subfilter check lists them too)");
    }
    if (r.entries.isEmpty()) {
      throw new CliException(ExitCodes.NO_PASS, "no subscriptions in " + paths);
    }
    Map<String, CompiledSubscription> out = new LinkedHashMap<>();
    r.entries.forEach(e -> out.put(e.id(), e.subscription().compile()));
    return out;
  }
}
