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

  SubfilterJson json() {
    return SubfilterJson.create(mode, Limits.DEFAULTS);
  }
}
