package dev.subfilter.cli;

import picocli.CommandLine.Option;

/** {@code --color=auto|always|never}. */
final class ColourOption {
  enum When { AUTO, ALWAYS, NEVER }

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never. Default: ${DEFAULT-VALUE}.")
  When when = When.AUTO;

  boolean on(Env env) {
    return when == When.ALWAYS || (when == When.AUTO && env.colour());
  }
}
