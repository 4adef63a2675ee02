package dev.subfilter;

import java.util.Map;
import java.util.Set;

/**
 * Canonical event types ({@code CREATE}, {@code UPDATE}, {@code DELETE}) and vendor event names
 * ({@code task.status-changed}, {@code external_sub_step_completed}): their shape and the
 * misspellings of vendors' docs that subscriptions and adapters both normalise. Stateless.
 */
public final class EventNames {
  static final Set<String> CANONICAL = Set.of("CREATE", "UPDATE", "DELETE");

  /** Misspellings vendors' own docs use, mapped to the name they actually send. */
  private static final Map<String, String> ALIASES = Map.of("external_sub_step_modfied", "external_sub_step_modified");

  private EventNames() {}

  /**
   * Whether {@code t} is CREATE, UPDATE or DELETE.
   *
   * @param t an event type; not {@code null}
   * @return {@code true} for one of the three, exactly (case-sensitive)
   * @throws NullPointerException when {@code t} is {@code null}
   */
  public static boolean isCanonical(String t) {
    return CANONICAL.contains(t);
  }

  /**
   * Whether {@code t} has the shape of a vendor event name: lower-case letters, digits, '_', '.',
   * '-', starting with a letter: {@code task.status-changed}.
   *
   * @param t a name; not {@code null}
   * @return {@code true} when it has that shape (whether any vendor sends it is not checked)
   * @throws NullPointerException when {@code t} is {@code null}
   */
  public static boolean isVendorName(String t) {
    if (t.isEmpty() || t.charAt(0) < 'a' || t.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name a vendor sends for this (possibly misspelt) name.
   *
   * @param name a vendor event name; not {@code null}
   * @return the name the vendor sends, e.g. {@code external_sub_step_modified} for the CMP docs'
   *     {@code external_sub_step_modfied}; {@code name} itself when it is not a known misspelling
   * @throws NullPointerException when {@code name} is {@code null}
   */
  public static String normalise(String name) {
    return ALIASES.getOrDefault(name, name);
  }
}
