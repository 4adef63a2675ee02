package dev.subfilter.cli;

import dev.subfilter.Lint;
import dev.subfilter.Problem;
import dev.subfilter.jsonpath.InvalidMappingException;
import dev.subfilter.jsonpath.JsonPathAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code subfilter check}: validates subscription files. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
    header = "Validate subscription files (and JSONPath mapping files); print every problem as file:/json/pointer: message.",
    description = {"Each FILE holds one subscription or an array of them; a folder is searched for files named *.json. "
        + "Duplicate ids are problems too. The last line counts subscriptions, files and problems. "
        + "--mapping FILE checks a mapping file the same way (every JSONPath compiled), with a count line of its own. "
        + "--json prints each problem and warning as one JSON object per line ({\"file\", \"pointer\", \"message\"}, for CI "
        + "annotations), the count lines on stderr.", "",
        "Valid subscriptions are also linted: each warning is printed as file:/json/pointer: warning CODE (ID): message, its code "
            + "stable (for --suppress). Without samples: contradictions under AND, oldState filters or changed where the old state "
            + "is empty or never sent, duplicate and redundant subscriptions; with --samples also unknown fieldNames and values no "
            + "sample has.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no problems (warnings do not count, but with --strict)", ExitCodes.HELP_2, ExitCodes.HELP_3,
        "4:some problems, or warnings with --strict (each printed)", "5:some sample events were bad, or there were none", ExitCodes.HELP_70})
public final class CheckCommand implements Callable<Integer> {
  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  SubscriptionOptions subscriptionOptions;

  @Mixin
  CommonOptions common;

  @Option(names = "--mapping", paramLabel = "FILE", description = "A JSONPath mapping file to validate (repeatable).")
  List<Path> mappings;

  @Option(names = "--json", description = "Print each problem as a JSON object on a line of its own: {\"file\", \"pointer\", \"message\"}.")
  boolean json;

  @Option(names = "--samples", paramLabel = "EVENTS", description = "Sample events (a file, NDJSON or array, a folder; any vendor, "
      + "as --format auto reads them; repeatable): also warn of fieldNames no sample of the objCode has (with the nearest names "
      + "seen) and of values no sample has.")
  List<Path> samples;

  @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
  boolean strict;

  @Option(names = "--suppress", paramLabel = "CODE", split = ",", description = "Do not print (nor, with --strict, fail on) warnings "
      + "with this code: contradiction, old-state-on-create, old-state-never-sent, duplicate-subscription, redundant-subscription, "
      + "unknown-field, value-never-seen. Repeatable, or comma-separated.")
  List<String> suppress;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Subscription files or folders; '-' reads one from standard input.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((files == null || files.isEmpty()) && (mappings == null || mappings.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE' (or --mapping FILE)");
    }
    if (files != null && samples != null && files.stream().anyMatch(p -> p.toString().equals("-"))
        && samples.stream().anyMatch(p -> p.toString().equals("-"))) {
      throw new ParameterException(spec.commandLine(),
          "standard input can hold the subscriptions (-) or the samples (--samples -), not both; name the sample files");
    }
    int mappingCode = mappings == null ? ExitCodes.OK : checkMappings(out, err);
    if (files == null || files.isEmpty()) {
      return mappingCode;
    }
    return ExitCodes.worst(mappingCode, checkSubscriptions(out, err));
  }

  /** Each mapping compiled as {@code match --mapping} would; its problems printed as file:/pointer: message. */
  private int checkMappings(PrintWriter out, PrintWriter err) {
    int problems = 0;
    int unreadable = 0;
    for (Path m : mappings) {
      String text;
      try {
        text = Files.readString(m, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("subfilter: " + m + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage()));
        unreadable++;
        continue;
      }
      try {
        JsonPathAdapter.builder().mapping(text).environment(name -> null).build();
      } catch (InvalidMappingException e) {
        for (Problem p : e.problems()) {
          if (json) {
            out.println(problemJson(m.toString(), p.pointer(), p.message()));
          } else {
            out.println(m + ":" + (p.pointer().isEmpty() ? "(root)" : p.pointer()) + ": " + p.message());
          }
        }
        problems += e.problems().size();
      }
    }
    int n = mappings.size() - unreadable;
    String counted = n + (n == 1 ? " mapping" : " mappings");
    (json ? err : out).println(problems == 0 ? counted + ": no problems" : counted + ": " + problems + (problems == 1 ? " problem" : " problems"));
    out.flush();
    err.flush();
    return unreadable > 0 ? ExitCodes.UNREADABLE : problems > 0 ? ExitCodes.INVALID_SUBSCRIPTIONS : ExitCodes.OK;
  }

  private int checkSubscriptions(PrintWriter out, PrintWriter err) {
    SubscriptionFiles.Result r = SubscriptionFiles.load(files, subscriptionOptions.json(), subscriptionOptions.lenient, root.env().in());
    for (SubscriptionFiles.Finding f : r.problems) {
      out.println(json ? problemJson(f.file(), f.pointer(), CliWords.flags(f.message())) : f.format());
    }
    CheckLint.Outcome lint = CheckLint.run(root.env(), out, err, json, r, subscriptionOptions.json(), subscriptionOptions.mode, samples,
        suppressed());
    int subscriptions = r.entries.size();
    String counted = subscriptions + (subscriptions == 1 ? " subscription" : " subscriptions") + " in " + r.files
        + (r.files == 1 ? " file" : " files");
    int problems = r.problems.size();
    String warned = (lint.warnings() == 0 ? "" : ", " + Summary.count(lint.warnings(), "warning"))
        + (lint.suppressed() == 0 ? "" : " (" + lint.suppressed() + " suppressed)")
        + (samples == null ? "" : "; " + Summary.count(lint.samples(), "sample event"));
    (json ? err : out).println((problems == 0 ? counted + ": no problems"
        : counted + " valid; " + problems + (problems == 1 ? " problem" : " problems")) + warned);
    out.flush();
    for (String u : r.unreadable) {
      err.println("subfilter: " + u);
    }
    err.flush();
    int validity = !r.unreadable.isEmpty() ? ExitCodes.UNREADABLE : problems > 0 ? ExitCodes.INVALID_SUBSCRIPTIONS : ExitCodes.OK;
    return ExitCodes.worst(validity,
        ExitCodes.worst(lint.exitCode(), strict && lint.warnings() > 0 ? ExitCodes.INVALID_SUBSCRIPTIONS : ExitCodes.OK));
  }

  /** One problem as a JSON line: {@code {"file": ..., "pointer": ..., "message": ...}}; the pointer {@code ""} is the root. */
  static String problemJson(String file, String pointer, String message) {
    com.fasterxml.jackson.databind.node.ObjectNode o = CliJson.OUT.createObjectNode();
    o.put("file", file);
    o.put("pointer", pointer);
    o.put("message", message);
    try {
      return CliJson.OUT.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Set<Lint.Code> suppressed() {
    Set<Lint.Code> out = EnumSet.noneOf(Lint.Code.class);
    for (String token : suppress == null ? List.<String>of() : suppress) {
      Lint.Code c = Lint.Code.fromToken(token.strip());
      if (c == null) {
        List<String> tokens = new ArrayList<>();
        for (Lint.Code k : Lint.Code.values()) {
          tokens.add(k.token());
        }
        throw new ParameterException(spec.commandLine(), "--suppress " + token + ": no such warning code; the codes are " + String.join(", ", tokens));
      }
      out.add(c);
    }
    return out;
  }
}
