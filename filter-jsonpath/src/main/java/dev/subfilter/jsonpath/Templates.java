package dev.subfilter.jsonpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template ({@code {header:X-GitHub-Event}.{$.action}}, {@code
 * {header:webhook-id}.{timestamp}.{body}}) into literal text and placeholders. {@code {{} and
 * {@code }}} stand for literal braces; a placeholder ends at the first {@code }} outside quotes,
 * brackets and parentheses, so JSONPath filters such as {@code {$.labels[?(@.name == 'x')].name}}
 * fit in one. Stateless.
 */
final class Templates {
  /** A literal run of text, or the inside of one placeholder. */
  record Token(boolean placeholder, String text) {}

  private Templates() {}

  /**
   * The tokens of {@code template}.
   *
   * @param problems receives a message for each syntax error; the tokens are then incomplete
   */
  static List<Token> split(String template, List<String> problems) {
    List<Token> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        problems.add("a lone '}' at character " + (i + 1) + "; write '}}' for a literal brace");
        return out;
      } else if (c == '{') {
        int end = placeholderEnd(template, i + 1);
        if (end < 0) {
          problems.add("the placeholder starting at character " + (i + 1) + " never closes with '}'");
          return out;
        }
        if (literal.length() > 0) {
          out.add(new Token(false, literal.toString()));
          literal.setLength(0);
        }
        String inside = template.substring(i + 1, end).trim();
        if (inside.isEmpty()) {
          problems.add("an empty placeholder '{}' at character " + (i + 1));
          return out;
        }
        out.add(new Token(true, inside));
        i = end + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      out.add(new Token(false, literal.toString()));
    }
    return out;
  }

  private static int placeholderEnd(String s, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == '}' && depth <= 0) {
        return i;
      }
    }
    return -1;
  }
}
