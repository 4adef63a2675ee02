package dev.subfilter.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(names = "--debug", description = "On an error, print the stack trace too.")
  boolean debug;
}
