package dev.subfilter.cli;

/** The exit codes every command documents in its --help. */
final class ExitCodes {
  /** Something matched, no problems, every case passed. */
  static final int OK = 0;
  /** Nothing matched, a problem was found, a case failed, or some events were bad. */
  static final int NO_PASS = 1;
  /** A usage error: unknown option, missing or bad argument. */
  static final int USAGE = 2;
  /** A file or folder that does not exist or cannot be read. */
  static final int UNREADABLE = 3;

  private ExitCodes() {}

  /** The worse of two exit codes: unreadable beats no-pass beats ok. */
  static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case OK -> 0;
      case NO_PASS -> 1;
      case UNREADABLE -> 2;
      default -> 3;
    };
  }
}
