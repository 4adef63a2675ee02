package dev.subfilter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code subfilter check}: validates subscription files. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
    header = "Validate subscription files; print every problem as file:/json/pointer: message.",
    description = {"Each FILE holds one subscription or an array of them; a folder is searched for .json files. "
        + "Duplicate ids are problems too. The last line counts subscriptions, files and problems.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no problems", "1:some problems (each printed)", SubfilterCommand.EXIT_2, SubfilterCommand.EXIT_3})
public final class CheckCommand implements Callable<Integer> {
  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  SubscriptionOptions subscriptionOptions;

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Subscription files or folders; '-' reads one from standard input.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SubscriptionFiles.Result r = SubscriptionFiles.load(files, subscriptionOptions.json(), subscriptionOptions.lenient, root.env().in());
    for (SubscriptionFiles.Finding f : r.problems) {
      out.println(f.format());
    }
    int subscriptions = r.entries.size();
    String counted = subscriptions + (subscriptions == 1 ? " subscription" : " subscriptions") + " in " + r.files
        + (r.files == 1 ? " file" : " files");
    int problems = r.problems.size();
    out.println(problems == 0 ? counted + ": no problems"
        : counted + " valid; " + problems + (problems == 1 ? " problem" : " problems"));
    out.flush();
    for (String u : r.unreadable) {
      err.println("subfilter: " + u);
    }
    err.flush();
    return !r.unreadable.isEmpty() ? ExitCodes.UNREADABLE : problems > 0 ? ExitCodes.NO_PASS : ExitCodes.OK;
  }
}
