package dev.subfilter.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Runs {@code subfilter} in-process with captured standard input, output and error. */
final class Cli {
  /** The repository root (examples/, spec-tests/, README.md). */
  static final Path ROOT = Path.of(System.getProperty("subfilter.root", "..")).toAbsolutePath().normalize();

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }
  }

  private Cli() {}

  static Run run(String... args) {
    return run("", false, args);
  }

  static Run withStdin(String stdin, String... args) {
    return run(stdin, false, args);
  }

  /** As if on a terminal: progress, closing lines and colour (unless --color=never). */
  static Run onTerminal(String... args) {
    return run("", true, args);
  }

  static Run run(String stdin, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = new Env(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, terminal);
    int code = SubfilterCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }

  static String example(String name) {
    return ROOT.resolve("examples").resolve(name).toString();
  }
}
