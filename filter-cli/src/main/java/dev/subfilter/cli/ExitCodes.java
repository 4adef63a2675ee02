package dev.subfilter.cli;

/**
 * The exit codes every command documents in its --help (and the README's CLI reference): one
 * meaning each, 1 being "no match" as for grep.
 */
final class ExitCodes {
  /** Something matched, no problems, every case passed. */
  static final int OK = 0;
  /** Nothing matched (match, explain); a case failed (spec). */
  static final int NO_PASS = 1;
  /** A usage error: unknown option, missing or bad argument. */
  static final int USAGE = 2;
  /** A file or folder that does not exist or cannot be read. */
  static final int UNREADABLE = 3;
  /** A subscription (or mapping) has a problem: check found some, or match and explain would not run on them. */
  static final int INVALID_SUBSCRIPTIONS = 4;
  /** Some events were invalid (each reported on stderr with its position, and skipped). */
  static final int INVALID_EVENTS = 5;
  /** A bug in subfilter (sysexits' EX_SOFTWARE). */
  static final int INTERNAL = 70;

  static final String HELP_0 = "0:ok: an event matched (match, explain), no problems (check), every case passed (spec)";
  static final String HELP_1 = "1:no event matched (match, explain), a case failed (spec)";
  static final String HELP_2 = "2:usage: an unknown option, a missing or bad argument";
  static final String HELP_3 = "3:unreadable input: a file or folder that does not exist or cannot be read";
  static final String HELP_4 = "4:invalid subscriptions or mappings: problems found (check), or the run refused them (match, explain; "
      + "match --keep-going skips them)";
  static final String HELP_5 = "5:invalid events: some events were bad (each reported on stderr with its position, and skipped)";
  static final String HELP_70 = "70:internal error (a bug; --debug prints the stack trace)";

  private ExitCodes() {}

  /** The worse of two exit codes: unreadable, then invalid subscriptions, then invalid events, then no match. */
  static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case OK -> 0;
      case NO_PASS -> 1;
      case INVALID_EVENTS -> 2;
      case INVALID_SUBSCRIPTIONS -> 3;
      case UNREADABLE -> 4;
      default -> 5;
    };
  }
}
