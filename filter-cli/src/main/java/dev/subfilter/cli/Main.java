package dev.subfilter.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of {@code subfilter.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("slf4j.provider") == null) {
      // JSONPath logs through SLF4J; the command binds no logger, and SLF4J would say so on stderr
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = SubfilterCommand.run(Env.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
