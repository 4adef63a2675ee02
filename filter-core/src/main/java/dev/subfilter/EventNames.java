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

  /** Whether {@code t} is CREATE, UPDATE or DELETE. */
  public static boolean isCanonical(String t) {
    return CANONICAL.contains(t);
  }

  /** Lower-case letters, digits, '_', '.', '-', starting with a letter: {@code task.status-changed}. */
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

  /** The name a vendor sends for this (possibly misspelt) name. */
  public static String normalise(String name) {
    return ALIASES.getOrDefault(name, name);
  }
}
