package dev.subfilter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code subfilter spec}: runs conformance spec files. */
@Command(name = "spec", sortOptions = false, usageHelpAutoWidth = true,
    header = "Run conformance spec files (the spec-tests format); print each failing case, then N passed, M failed.",
    description = {"A spec file is {\"suite\", \"source\", \"cases\": [{\"name\", \"subscription\" or \"subscriptionText\", "
        + "\"event\", \"eventFormat\", \"mode\", \"expect\", ...}]}; see the README's 'Conformance specs'. "
        + "A folder is searched for .json files. A malformed file or case counts as one failure.", ""},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every case passed", "1:some case failed, or a spec file is malformed",
        SubfilterCommand.EXIT_2, SubfilterCommand.EXIT_3})
public final class SpecCommand implements Callable<Integer> {
  /** Reads spec files as the spec-tests module does. */
  private static final ObjectMapper SPEC = specMapper();

  @ParentCommand
  SubfilterCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Print passing cases too.")
  boolean verbose;

  @Mixin
  ColourOption colour;

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Spec files or folders of them; '-' reads one from standard input.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExplainCommand.Style style = new ExplainCommand.Style(colour.on(root.env()));
    ObjectMapper mapper = SPEC;
    int passed = 0;
    int failed = 0;
    int unreadable = 0;
    int empty = 0;
    for (Path path : paths) {
      List<Path> files;
      if (path.toString().equals("-")) {
        int[] counts = runFile(EventReader.STDIN, () -> mapper.readTree(root.env().in()), out, style);
        passed += counts[0];
        failed += counts[1];
        continue;
      }
      if (!Files.exists(path)) {
        err.println("subfilter: " + path + ": no such file or folder");
        unreadable++;
        continue;
      }
      try {
        files = files(path);
      } catch (IOException | java.io.UncheckedIOException e) {
        err.println("subfilter: " + path + ": cannot read: " + e.getMessage());
        unreadable++;
        continue;
      }
      if (files.isEmpty()) {
        err.println("subfilter: " + path + ": no .json spec files in this folder");
        empty++;
      }
      for (Path f : files) {
        int[] counts = runFile(f.toString(), () -> mapper.readTree(f.toFile()), out, style);
        passed += counts[0];
        failed += counts[1];
      }
    }
    String summary = passed + " passed, " + failed + " failed";
    out.println(style.verdict(failed == 0, summary));
    out.flush();
    err.flush();
    return unreadable > 0 ? ExitCodes.UNREADABLE : failed > 0 || empty > 0 ? ExitCodes.NO_PASS : ExitCodes.OK;
  }

  private static ObjectMapper specMapper() {
    return SpecCase.mapper();
  }

  /** Reads a spec document. */
  private interface Source {
    JsonNode read() throws IOException;
  }

  /** Runs the cases of one spec file; returns {passed, failed}. */
  private int[] runFile(String file, Source source, PrintWriter out, ExplainCommand.Style style) {
    List<SpecCase> cases;
    try {
      cases = SpecCase.readFile(file, source.read());
    } catch (IOException e) {
      out.println(style.mark(false, "FAIL") + "  " + file + ": not a readable spec file: " + CliJson.error(e));
      return new int[] {0, 1};
    } catch (IllegalArgumentException e) {
      out.println(style.mark(false, "FAIL") + "  " + e.getMessage());
      return new int[] {0, 1};
    }
    int passed = 0;
    int failed = 0;
    for (SpecCase c : cases) {
      String failure;
      try {
        failure = SpecRunner.run(c);
      } catch (RuntimeException e) {
        failure = "threw " + e;
      }
      if (failure == null) {
        passed++;
        if (verbose) {
          out.println(style.mark(true, "pass") + "  " + file + " › " + c.name());
        }
      } else {
        failed++;
        out.println(style.mark(false, "FAIL") + "  " + file + " › " + c.name() + ": " + failure);
      }
    }
    return new int[] {passed, failed};
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

}
