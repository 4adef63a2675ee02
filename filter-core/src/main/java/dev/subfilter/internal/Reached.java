package dev.subfilter.internal;

import java.util.Arrays;

/**
 * The posting lists the elements of one array field have reached so far, so that each list is
 * evaluated once for the event however many elements reach it (one string reaches each list of a
 * postings at most once; several elements may reach the same one). Made only for arrays of two or
 * more elements; grows an array from the second distinct list on.
 */
final class Reached {
  private Entry[] first;
  private Entry[][] more;
  private int count;

  /** Whether {@code list} is reached for the first time; marks it reached. */
  boolean first(Entry[] list) {
    if (first == null) {
      first = list;
      return true;
    }
    if (list == first) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (more[i] == list) {
        return false;
      }
    }
    if (more == null) {
      more = new Entry[4][];
    } else if (count == more.length) {
      more = Arrays.copyOf(more, count * 2);
    }
    more[count++] = list;
    return true;
  }

  /** {@code seen == null} (one element: nothing to remember) or the list's first reach. */
  static boolean first(Reached seen, Entry[] list) {
    return seen == null || seen.first(list);
  }

  /** What to remember the lists of an array of {@code n} elements in: nothing for one element. */
  static Reached forArray(int n) {
    return n > 1 ? new Reached() : null;
  }
}
