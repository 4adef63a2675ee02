package dev.subfilter.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's messages in the CLI's words: a setting or builder call a Java user would change
 * is named by the flag a CLI user changes ({@code Limits.maxDocumentBytes} becomes {@code --limit
 * maxDocumentBytes=N}, {@code FourMeAdapter.builder().publicKeyPem(...)} becomes {@code
 * --4me-public-key}).
 */
final class CliWords {
  private static final Pattern LIMIT = Pattern.compile("Limits\\.(max[A-Za-z]+)");
  private static final Map<String, String> WORDS = Map.of(
      "FourMeAdapter.builder().publicKeyPem(...)", "--4me-public-key PEM_FILE",
      "FourMeAdapter.Builder.publicKeyPem: ", "",
      "FourMeAdapter.Builder.jwks: ", "",
      "FourMeAdapter.Builder.algorithm: ", "--4me-algorithm ",
      "FourMeAdapter.Builder: ", "",
      "SubscriptionLoader.lenient(true)", "--lenient",
      "use extended mode", "use --mode extended",
      "need extended mode", "need --mode extended",
      "extended mode allows it", "--mode extended allows it");

  private CliWords() {}

  static String flags(String message) {
    String m = message;
    for (Map.Entry<String, String> w : WORDS.entrySet()) {
      if (m.contains(w.getKey())) {
        m = m.replace(w.getKey(), w.getValue());
      }
    }
    if (m.contains("Limits.")) {
      m = LIMIT.matcher(m).replaceAll(r -> Matcher.quoteReplacement("--limit " + r.group(1) + "=N"));
    }
    return m;
  }
}
