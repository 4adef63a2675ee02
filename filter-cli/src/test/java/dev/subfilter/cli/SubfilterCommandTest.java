package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubfilterCommandTest {
  @Test
  void help_listsCommandsAndExitCodes() {
    Cli.Run r = Cli.run("--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("match", "explain", "check", "spec", "Exit codes:")
        .containsPattern("0 +ok").containsPattern("1 +no event matched").containsPattern("2 +usage").containsPattern("3 +unreadable input")
        .containsPattern("4 +invalid subscriptions").containsPattern("5 +invalid events");
  }

  @Test
  void subcommandHelp_documentsExitCodes() {
    for (String command : new String[] {"match", "explain", "check", "spec"}) {
      Cli.Run r = Cli.run(command, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: subfilter " + command, "Exit codes:").containsPattern("2 +usage").containsPattern("3 +unreadable input");
    }
    assertThat(Cli.run("help", "explain").out()).contains("Usage: subfilter explain");
  }

  @Test
  void noCommand_isAUsageError() {
    Cli.Run r = Cli.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("subfilter: missing command: match, explain, check, stats or spec; see 'subfilter --help'\n");
  }

  @Test
  void unknownCommand_isAUsageError() {
    Cli.Run r = Cli.run("matc");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'matc'").contains("did you mean match or stats?");
  }

  @Test
  void version_printsTheVersion() {
    Cli.Run r = Cli.run("--version");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("subfilter ");
  }
}
