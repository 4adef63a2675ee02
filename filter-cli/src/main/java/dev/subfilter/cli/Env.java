package dev.subfilter.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * What the commands need from their surroundings, so that tests can run them in-process: standard
 * input, whether it is a terminal (progress and closing lines), whether to colour, and the
 * environment variables.
 *
 * @param in standard input
 * @param interactive a terminal: {@code System.console() != null}
 * @param colour colour is wanted when the command's {@code --color} is {@code auto}: a terminal,
 *     {@code NO_COLOR} unset and {@code TERM} not {@code dumb}
 */
record Env(InputStream in, boolean interactive, boolean colour) {

  static Env system() {
    boolean tty = System.console() != null;
    Map<String, String> vars = System.getenv();
    String noColor = vars.get("NO_COLOR");
    boolean colour = tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(vars.get("TERM"));
    return new Env(System.in, tty, colour);
  }
}
