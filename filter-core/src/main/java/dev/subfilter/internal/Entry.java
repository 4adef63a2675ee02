package dev.subfilter.internal;

import dev.subfilter.CompiledSubscription;
import java.util.Arrays;

/** A subscription of a snapshot and where it is listed. Immutable. */
final class Entry {
  /** Where a subscription is listed within its bucket: the first that applies. */
  enum Placement {
    /** It sets objId: listed under that objId. */
    PINNED,
    /** Its filters have a cover: listed under each {@link Listing} of it. */
    INDEXED,
    /** Nothing to look up: evaluated for every event of its bucket. */
    FALLBACK
  }

  static final Entry[] NONE = new Entry[0];

  final String id;
  final CompiledSubscription sub;
  /** The id's place in the insertion order; unique among the entries of one snapshot. */
  final long seq;
  /** Its bucket is a vendor event name's, not a canonical eventType's. */
  final boolean vendor;
  final Placement placement;
  /** Listed under several lists, or under one an event may reach twice: matching dedupes it. */
  final boolean multi;
  /**
   * INDEXED: the listings (no two naming the same list), as the one {@link Listing} most
   * subscriptions have or a {@code Listing[]} (no array per entry in the usual case; a set holds
   * one entry per subscription); else {@code null}.
   */
  private final Object listings;

  Entry(String id, CompiledSubscription sub, long seq, boolean vendor, Placement placement, Listing[] listings) {
    this.id = id;
    this.sub = sub;
    this.seq = seq;
    this.vendor = vendor;
    this.placement = placement;
    this.listings = listings == null ? null : listings.length == 1 ? listings[0] : listings;
    this.multi = listings != null && (listings.length > 1 || listings[0].path.mayRepeat());
  }

  /** Its listings (a new array for a one-listing entry: for updates, not matching), or {@code null}. */
  Listing[] listings() {
    return listings instanceof Listing l ? new Listing[] {l} : (Listing[]) listings;
  }

  /** PINNED: the objId. */
  String objId() {
    return sub.subscription().objId();
  }

  /** The eventType or vendor name of its bucket (read from the subscription: one field less per entry). */
  String type() {
    return sub.subscription().eventType();
  }

  String objCode() {
    return sub.subscription().objCode();
  }

  /** {@code list} with {@code e} appended (a new array; {@code list} may be {@code null}). */
  static Entry[] append(Entry[] list, Entry e) {
    if (list == null) {
      return new Entry[] {e};
    }
    Entry[] out = Arrays.copyOf(list, list.length + 1);
    out[list.length] = e;
    return out;
  }

  /** {@code list} without {@code e} (by identity; a new array), or {@code null} when nothing is left. */
  static Entry[] remove(Entry[] list, Entry e) {
    int i = 0;
    while (list[i] != e) {
      i++;
    }
    if (list.length == 1) {
      return null;
    }
    Entry[] out = new Entry[list.length - 1];
    System.arraycopy(list, 0, out, 0, i);
    System.arraycopy(list, i + 1, out, i, list.length - i - 1);
    return out;
  }

  /** Sorts {@code a[0, n)} by seq: insertion sort for the usual handful, heapsort beyond. Allocates nothing. */
  static void sortBySeq(Entry[] a, int n) {
    if (n <= 24) {
      for (int i = 1; i < n; i++) {
        Entry x = a[i];
        int j = i - 1;
        while (j >= 0 && a[j].seq > x.seq) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      Entry t = a[0];
      a[0] = a[end];
      a[end] = t;
      siftDown(a, 0, end);
    }
  }

  private static void siftDown(Entry[] a, int i, int n) {
    Entry x = a[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && a[child + 1].seq > a[child].seq) {
        child++;
      }
      if (a[child].seq <= x.seq) {
        break;
      }
      a[i] = a[child];
      i = child;
    }
    a[i] = x;
  }
}
