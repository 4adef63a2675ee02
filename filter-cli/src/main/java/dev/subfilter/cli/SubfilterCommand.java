package dev.subfilter.cli;

import dev.subfilter.SubfilterException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code subfilter}: the top-level command; its subcommands do the work. */
@Command(name = "subfilter",
    mixinStandardHelpOptions = true,
    versionProvider = SubfilterCommand.Version.class,
    header = "Would this webhook have fired, and why not? Matches Workfront, 4me and Optimizely CMP webhook events "
        + "against Workfront-style event subscriptions.",
    synopsisSubcommandLabel = "COMMAND",
    description = {"",
        "  subfilter match -s examples/subscriptions.json examples/events.ndjson",
        "  subfilter explain -s examples/subscriptions.json examples/events.ndjson",
        "  subfilter check examples/subscriptions.json",
        "  subfilter explain --summary -s examples/subscriptions.json examples/events.ndjson",
        "  subfilter stats examples/subscriptions.json --samples examples/events.ndjson",
        "  subfilter spec spec-tests/src/test/resources/spec", ""},
    usageHelpAutoWidth = true,
    commandListHeading = "%nCommands:%n",
    subcommands = {MatchCommand.class, ExplainCommand.class, CheckCommand.class, StatsCommand.class, SpecCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3, ExitCodes.HELP_4, ExitCodes.HELP_5, ExitCodes.HELP_70})
public final class SubfilterCommand implements Runnable {
  static final String EXIT_2 = ExitCodes.HELP_2;
  static final String EXIT_3 = ExitCodes.HELP_3;

  private final Env env;

  @Spec
  CommandSpec spec;

  SubfilterCommand(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: match, explain, check, stats or spec");
  }

  /**
   * Runs {@code subfilter args} and returns its exit code. Output goes to {@code out}, errors to
   * {@code err} (one line each; stack traces only with {@code --debug}).
   */
  static int run(Env env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(env, out, err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(Env env, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SubfilterCommand(env));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setColorScheme(Help.defaultColorScheme(env.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setParameterExceptionHandler(SubfilterCommand::usageError);
    cl.setExecutionExceptionHandler(SubfilterCommand::failure);
    return cl;
  }

  /** A usage error: one line, exit 2. */
  private static int usageError(ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    PrintWriter err = c.getErr();
    StringBuilder line = new StringBuilder("subfilter: ").append(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))).append("?)");
      }
    }
    line.append("; see '").append(c.getCommandSpec().qualifiedName()).append(" --help'");
    err.println(line);
    if (debug(c.getParseResult())) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /** A failure while running: one line; the stack trace only with --debug. */
  private static int failure(Exception ex, CommandLine c, ParseResult parsed) {
    PrintWriter err = c.getErr();
    c.getOut().flush();
    boolean debug = debug(parsed);
    int code;
    String message;
    if (ex instanceof CliException e) {
      code = e.exitCode();
      message = e.getMessage();
    } else if (ex instanceof SubfilterException) {
      code = ex instanceof dev.subfilter.InvalidEventException ? ExitCodes.INVALID_EVENTS : ExitCodes.INVALID_SUBSCRIPTIONS;
      message = CliWords.flags(ex.getMessage().replace('\n', ' '));
    } else {
      code = ExitCodes.INTERNAL;
      message = "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)");
    }
    err.println("subfilter: " + message);
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean debug(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SubfilterCommand.class.getPackage().getImplementationVersion();
      return new String[] {"subfilter " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
