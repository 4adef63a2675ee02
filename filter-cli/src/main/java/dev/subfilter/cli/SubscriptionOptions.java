package dev.subfilter.cli;

import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.jackson.SubfilterJson;
import picocli.CommandLine.Option;

/** How subscription files are read: {@code --mode}, {@code --lenient}. */
final class SubscriptionOptions {
  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "extended",
      description = "extended (the default: Workfront plus exists/notExists, nested groups, larger counts) or "
          + "workfront (exactly what Workfront accepts).")
  Mode mode = Mode.EXTENDED;

  @Option(names = "--lenient",
      description = "Read subscriptions as pasted from the Workfront docs: single quotes, trailing commas, comments, unquoted names.")
  boolean lenient;

  @Option(names = "--limit", paramLabel = "NAME=VALUE",
      description = "Change one of the reading limits (repeatable): maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, "
          + "maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength; "
          + "e.g. --limit maxDocumentBytes=33554432. Every limit's error names the one to raise.")
  java.util.Map<String, String> limits;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  SubfilterJson json() {
    return SubfilterJson.create(mode, limits());
  }

  /** {@link Limits#DEFAULTS} with each --limit applied; a bad one is a usage error naming the flag. */
  Limits limits() {
    Limits l = Limits.DEFAULTS;
    if (limits == null) {
      return l;
    }
    for (java.util.Map.Entry<String, String> e : limits.entrySet()) {
      long v;
      try {
        v = Long.parseLong(e.getValue().strip().replace("_", ""));
      } catch (NumberFormatException x) {
        throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
            "--limit " + e.getKey() + "=" + e.getValue() + ": expected a whole number");
      }
      try {
        l = l.with(e.getKey(), v);
      } catch (IllegalArgumentException x) {
        throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--limit " + e.getKey() + "=" + e.getValue() + ": "
            + x.getMessage().replace("no Limits setting", "no limit").replace("Limits.", ""));
      }
    }
    return l;
  }
}
