package dev.subfilter.jackson;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.Event;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * The fast path of {@link WorkfrontStreamReader}: a hand-written scanner over the payload bytes
 * that accepts only a strict, ordinary subset of JSON (RFC 8259 without <code>&#92;u</code>
 * escapes, strictly valid UTF-8, no escaped member names, inline state objects, numbers of at most
 * 100 characters) and returns {@code null} ("not sure") for everything else.
 *
 * <p>It exists because Jackson's tokenizer costs about as much as building the whole tree: here a
 * skipped member costs a tight loop over its bytes, and no String is made for anything not kept.
 * Every event it returns is one the tree reader would accept and build with equal kept values
 * (same node types), so declining is always safe and accepting must be exact: the subset is chosen
 * so that each check here is conservative against the mapper's (limits are checked on byte counts,
 * which bound Jackson's char counts from above; duplicates are found in every object).
 *
 * <p>Immutable and thread-safe; the scratch arrays of a scan live in a per-thread {@link Scan}.
 */
final class FastWorkfrontScanner {
  /** Longest number token accepted: far below Jackson's maxNumberLength, so BigDecimal scales always fit. */
  private static final int MAX_NUMBER = 100;
  /** Most exponent digits accepted: with at most MAX_NUMBER digits, the scale then fits an int. */
  private static final int MAX_EXPONENT_DIGITS = 9;

  private static final byte[] EVENT_TYPE = ascii(WorkfrontEnvelope.EVENT_TYPE);
  private static final byte[] NEW_STATE = ascii(WorkfrontEnvelope.NEW_STATE);
  private static final byte[] OLD_STATE = ascii(WorkfrontEnvelope.OLD_STATE);
  private static final byte[] EVENT_TIME = ascii(WorkfrontEnvelope.EVENT_TIME);
  private static final byte[] EPOCH_SECOND = ascii(WorkfrontEnvelope.EPOCH_SECOND);
  private static final byte[] NANO = ascii(WorkfrontEnvelope.NANO);
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  private static final ThreadLocal<Scan> SCANS = ThreadLocal.withInitial(Scan::new);

  private final JsonNodeFactory nodes;
  /** A LinkedHashMap capacity that holds every kept key without resizing. */
  private final int stateCapacity;
  private final boolean enabled;
  private final long maxDocument;
  private final int maxDepth;
  private final int maxString;
  private final int maxName;
  private final int maxNumber;
  /** The kept keys, open addressing by name hash: UTF-8 bytes, their hash and the String to use. */
  private final byte[][] keyBytes;
  private final int[] keyHashes;
  private final String[] keyNames;
  private final int keyMask;
  /** Bit {@code n} set when some kept key is {@code n} bytes long (bit 63: 63 or more): most names are rejected by one test. */
  private final long keyLengths;

  FastWorkfrontScanner(SubfilterJson json, Set<String> keys) {
    this.nodes = json.mapper().getNodeFactory();
    StreamReadConstraints c = json.mapper().getFactory().streamReadConstraints();
    long doc = c.getMaxDocumentLength();
    this.maxDocument = doc > 0 ? Math.min(doc, json.limits().maxDocumentBytes()) : json.limits().maxDocumentBytes();
    this.maxDepth = c.getMaxNestingDepth();
    this.maxString = c.getMaxStringLength();
    this.maxName = c.getMaxNameLength();
    this.maxNumber = Math.min(MAX_NUMBER, c.getMaxNumberLength());
    // a token budget would need counting every token; no mapper of ours sets one
    this.enabled = c.getMaxTokenCount() <= 0;
    stateCapacity = keys.size() * 4 / 3 + 2;
    int size = Integer.highestOneBit(Math.max(keys.size(), 1)) << 2;
    keyBytes = new byte[size][];
    keyHashes = new int[size];
    keyNames = new String[size];
    keyMask = size - 1;
    long lengths = 0;
    for (String k : keys) {
      byte[] b = k.getBytes(StandardCharsets.UTF_8);
      // a key UTF-8 cannot carry (a lone surrogate) only arrives as a backslash-u escape: declined
      if (!new String(b, StandardCharsets.UTF_8).equals(k)) {
        continue;
      }
      int h = hash(b, 0, b.length);
      int i = mix(h) & keyMask;
      while (keyBytes[i] != null) {
        i = (i + 1) & keyMask;
      }
      keyBytes[i] = b;
      keyHashes[i] = h;
      lengths |= 1L << Math.min(b.length, 63);
      keyNames[i] = k;
    }
    keyLengths = lengths;
  }

  /** An empty state object sized for every kept key: no rehashing while a state fills up. */
  private ObjectNode stateNode() {
    return new ObjectNode(nodes, new LinkedHashMap<>(stateCapacity));
  }

  /** The event of {@code payload}, or {@code null} when it is outside the subset (or invalid). Never throws. */
  Event scan(byte[] payload) {
    if (!enabled || payload.length > maxDocument) {
      return null;
    }
    Scan s = SCANS.get();
    try {
      return s.run(this, payload);
    } finally {
      s.release();
    }
  }

  /** The slot of the kept key whose UTF-8 name is {@code b[off, off+len)} (its name is {@code keyNames[slot]}), or -1. */
  private int slot(byte[] b, int off, int len, int h) {
    if ((keyLengths & (1L << Math.min(len, 63))) == 0) {
      return -1; // no kept key has this length (bit 63 stands for every length of 63 and more)
    }
    int i = mix(h) & keyMask;
    byte[] k;
    while ((k = keyBytes[i]) != null) {
      if (keyHashes[i] == h && k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
        return i;
      }
      i = (i + 1) & keyMask;
    }
    return -1;
  }

  /**
   * A hash of the name {@code b[off, off+len)} in constant time: its length and its first, middle
   * and last eight bytes (all of it up to 24 bytes). Long names alike but in the middle collide,
   * which costs probes; too many decline (see {@code MAX_PROBES}), so crafted names cannot make a
   * scan quadratic.
   */
  private static int hash(byte[] b, int off, int len) {
    long h;
    if (len >= 8) {
      long first = (long) LONGS.get(b, off);
      long middle = (long) LONGS.get(b, off + (len >>> 1) - 4);
      long last = (long) LONGS.get(b, off + len - 8);
      h = first * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(middle * 0xC2B2AE3D27D4EB4FL, 21)
          ^ Long.rotateLeft(last * 0x165667B19E3779F9L, 42);
    } else {
      long w = 0;
      if (off + 8 <= b.length) {
        w = (long) LONGS.get(b, off) & ((1L << (len << 3)) - 1);
      } else {
        for (int k = off + len - 1; k >= off; k--) {
          w = (w << 8) | (b[k] & 0xFF);
        }
      }
      h = w * 0x9E3779B97F4A7C15L;
    }
    h ^= len;
    return (int) (h ^ (h >>> 32));
  }

  private static int mix(int h) {
    h *= 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * One scan's state and the scratch it reuses: per-depth object flags and name-stack bases, the
   * names of the open objects (start, length, hash) for duplicate checks, and a stamped hash table
   * for large objects. Methods return the index after what they read, or -1 to decline.
   */
  private static final class Scan {
    private static final int STRING_ESCAPED = 1;
    private static final int STRING_NON_ASCII = 2;
    /** Objects up to this many members are checked for duplicates pairwise, larger ones by hash table. */
    private static final int SMALL_OBJECT = 8;
    /** Longer probe sequences in the duplicate table decline, which keeps the check linear in time. */
    private static final int MAX_PROBES = 64;
    /** Scratch kept between scans is bounded; larger needs get arrays for one scan only. */
    private static final int KEEP_NAMES = 1 << 12;
    private static final int KEEP_TABLE = 1 << 12;

    private FastWorkfrontScanner f;
    private byte[] b;
    private int n;
    private int depth;
    private int[] bases = new int[64];
    private boolean[] objects = new boolean[64];
    private int top;
    private int[] nameStart = new int[256];
    private int[] nameLen = new int[256];
    private int[] nameHash = new int[256];
    private int[] tableIndex = new int[256];
    private int[] tableStamp = new int[256];
    private int stamp;
    /** What the last {@link #string} saw, and the last kept value built. */
    private int stringFlags;
    private boolean numberIsFloat;
    private JsonNode built;
    private Instant instant;
    private char[] chars = new char[MAX_NUMBER];
    /**
     * The states read so far in this scan, and the kept strings and containers of the first, by key
     * slot (valid where {@code memoStamp == memoGen}): an UPDATE or DELETE repeats most values in
     * its second state, and the same bytes at the same depth are the same valid value, so the
     * node built for the first is reused rather than scanned and built again.
     */
    private int states;
    private int memoGen;
    private int[] memoStamp = new int[0];
    private int[] memoStart = new int[0];
    private int[] memoEnd = new int[0];
    private JsonNode[] memoNode = new JsonNode[0];

    /** Records the kept value {@code b[start, end)} of the first state (strings and containers: numbers do not delimit themselves). */
    private void remember(int slot, int start, int end) {
      byte c = b[start];
      if (c == '"' || c == '{' || c == '[') {
        memoStamp[slot] = memoGen;
        memoStart[slot] = start;
        memoEnd[slot] = end;
        memoNode[slot] = built;
      }
    }

    /** The index after the value at {@code i} when it is byte for byte the first state's value of this key, else -1. */
    private int sameAsFirstState(int slot, int i) {
      if (memoStamp[slot] != memoGen) {
        return -1;
      }
      int len = memoEnd[slot] - memoStart[slot];
      return i + len <= n && Arrays.equals(b, memoStart[slot], memoEnd[slot], b, i, i + len) ? i + len : -1;
    }

    void release() {
      b = null;
      f = null;
      built = null;
      Arrays.fill(memoNode, null); // no payload's nodes kept alive by the thread
      if (nameStart.length > KEEP_NAMES) {
        nameStart = new int[256];
        nameLen = new int[256];
        nameHash = new int[256];
      }
    }

    Event run(FastWorkfrontScanner scanner, byte[] payload) {
      f = scanner;
      b = payload;
      n = payload.length;
      top = 0;
      states = 0;
      if (memoStamp.length < f.keyNames.length) {
        memoStamp = new int[f.keyNames.length];
        memoStart = new int[f.keyNames.length];
        memoEnd = new int[f.keyNames.length];
        memoNode = new JsonNode[f.keyNames.length];
        memoGen = 0;
      }
      if (++memoGen == 0) { // wrapped around: old stamps could look current
        Arrays.fill(memoStamp, 0);
        memoGen = 1;
      }
      if (bases.length < f.maxDepth + 2) {
        bases = new int[f.maxDepth + 2];
        objects = new boolean[f.maxDepth + 2];
      }
      int i = ws(0);
      if (i >= n || b[i] != '{') {
        return null;
      }
      depth = 1;
      i = ws(i + 1);
      String type = null;
      ObjectNode newState = null;
      ObjectNode oldState = null;
      JsonNode time = null;
      instant = null;
      while (true) {
        int nameAt = i + 1;
        i = name(i);
        if (i < 0) {
          return null;
        }
        int len = nameLen[top - 1];
        i = colon(i);
        if (i < 0) {
          return null;
        }
        byte c = b[i];
        if (is(nameAt, len, EVENT_TYPE)) {
          int e = c == '"' ? string(i + 1) : -1;
          if (e < 0 || (stringFlags & STRING_ESCAPED) != 0) {
            return null;
          }
          type = text(i + 1, e - 1);
          if (!WorkfrontEnvelope.validEventType(type)) {
            return null;
          }
          i = e;
        } else if (is(nameAt, len, NEW_STATE)) {
          if (c != '{') {
            return null; // a base64 state or an invalid one: the Jackson paths decide
          }
          newState = f.stateNode();
          i = state(i, newState);
        } else if (is(nameAt, len, OLD_STATE)) {
          if (c == '{') {
            oldState = f.stateNode();
            i = state(i, oldState);
          } else if (c == 'n') {
            i = literal(i, NULL);
          } else {
            return null;
          }
        } else if (is(nameAt, len, EVENT_TIME)) {
          int top0 = top;
          int e = c == 'n' ? literal(i, NULL) : c == '{' ? simpleTime(i) : -1;
          if (e < 0 && c != 'n') {
            top = top0;
            depth = 1;
            e = keep(i);
            time = built;
            instant = null;
          }
          i = e;
        } else {
          i = skip(i);
        }
        i = i < 0 ? -1 : ws(i);
        if (i < 0 || i >= n) {
          return null;
        }
        c = b[i];
        if (c == ',') {
          i = ws(i + 1);
        } else if (c == '}') {
          break;
        } else {
          return null;
        }
      }
      if (!unique(0) || ws(i + 1) != n || type == null || newState == null) {
        return null;
      }
      return event(type, newState, oldState, time, instant);
    }

    private static Event event(String type, ObjectNode newState, ObjectNode oldState, JsonNode time, Instant t) {
      if (time != null) {
        t = WorkfrontEnvelope.eventTime(time, false);
        if (t == null) {
          return null;
        }
      }
      try {
        return WorkfrontEnvelope.event(type, newState, oldState, t);
      } catch (RuntimeException invalid) { // the builder's verdict on the states; the tree reader reports it
        return null;
      }
    }

    /**
     * The usual eventTime, {@code {"epochSecond": integer, "nano": integer}} (in any order, other
     * members skipped), read into {@link #instant} without building it: the index after it, or -1
     * when it is not of that form (the caller then builds it and applies the tree reader's rules).
     */
    private int simpleTime(int i) {
      if (++depth > f.maxDepth) {
        return -1;
      }
      int base = top;
      long secs = 0;
      long nano = 0;
      boolean hasSecs = false;
      i = ws(i + 1);
      while (true) {
        int at = i + 1;
        i = name(i);
        int len = nameLen[top - 1];
        i = i < 0 ? -1 : colon(i);
        if (i < 0) {
          return -1;
        }
        boolean isSecs = is(at, len, EPOCH_SECOND);
        if (isSecs || is(at, len, NANO)) {
          int start = i;
          i = number(i);
          if (i < 0 || numberIsFloat || i - start > 18) {
            return -1;
          }
          long v = parseLong(start, i);
          hasSecs |= isSecs;
          secs = isSecs ? v : secs;
          nano = isSecs ? nano : v;
        } else {
          i = skip(i);
        }
        i = i < 0 ? -1 : ws(i);
        if (i < 0 || i >= n) {
          return -1;
        }
        if (b[i] == ',') {
          i = ws(i + 1);
        } else if (b[i] == '}') {
          break;
        } else {
          return -1;
        }
      }
      instant = hasSecs && unique(base) ? WorkfrontEnvelope.instant(secs, nano) : null;
      if (instant == null) {
        return -1;
      }
      top = base;
      depth--;
      return i + 1;
    }

    private boolean is(int at, int len, byte[] name) {
      return len == name.length && Arrays.equals(b, at, at + len, name, 0, len);
    }

    /** A state object at {@code i}, keeping the reader's keys into {@code out}. */
    private int state(int i, ObjectNode out) {
      states++;
      if (++depth > f.maxDepth) {
        return -1;
      }
      int base = top;
      i = ws(i + 1);
      if (i < n && b[i] == '}') {
        depth--;
        return i + 1;
      }
      while (true) {
        i = name(i);
        if (i < 0) {
          return -1;
        }
        int k = top - 1;
        int slot = f.slot(b, nameStart[k], nameLen[k], nameHash[k]);
        i = colon(i);
        if (i < 0) {
          return -1;
        }
        if (slot < 0) {
          i = skip(i);
        } else {
          int again = states > 1 ? sameAsFirstState(slot, i) : -1;
          if (again >= 0) {
            built = memoNode[slot];
            i = again;
          } else {
            int start = i;
            i = keep(i);
            if (i >= 0 && states == 1) {
              remember(slot, start, i);
            }
          }
          if (i >= 0) {
            out.set(f.keyNames[slot], built);
          }
        }
        i = i < 0 ? -1 : ws(i);
        if (i < 0 || i >= n) {
          return -1;
        }
        byte c = b[i];
        if (c == ',') {
          i = ws(i + 1);
        } else if (c == '}') {
          break;
        } else {
          return -1;
        }
      }
      if (!unique(base)) {
        return -1;
      }
      top = base;
      depth--;
      return i + 1;
    }

    // ------------------------------------------------------------------ values

    /** Skips the value at {@code i} (i < n), checking everything the tree reader would. */
    private int skip(int i) {
      byte c = b[i];
      if (c == '{' || c == '[') {
        return container(i);
      }
      return scalar(i, false);
    }

    /** Reads the value at {@code i} (i < n) into {@link #built}. */
    private int keep(int i) {
      byte c = b[i];
      if (c != '{' && c != '[') {
        return scalar(i, true);
      }
      int e = container(i);
      if (e >= 0) {
        built = build(i, e);
      }
      return e;
    }

    /** A string, literal or number at {@code i} (i < n); built into {@link #built} when {@code make}. */
    private int scalar(int i, boolean make) {
      byte c = b[i];
      int e;
      if (c == '"') {
        e = string(i + 1);
        if (make && e >= 0) {
          built = f.nodes.textNode(text(i + 1, e - 1));
        }
      } else if (c == 't') {
        e = literal(i, TRUE);
        built = make ? f.nodes.booleanNode(true) : null;
      } else if (c == 'f') {
        e = literal(i, FALSE);
        built = make ? f.nodes.booleanNode(false) : null;
      } else if (c == 'n') {
        e = literal(i, NULL);
        built = make ? f.nodes.nullNode() : null;
      } else {
        e = number(i);
        if (make && e >= 0) {
          built = number(i, e);
        }
      }
      return e;
    }

    /**
     * Skips the array or object at {@code i} without recursion, checking depth, grammar and
     * duplicate names of every object in it.
     */
    private int container(int i) {
      int outer = depth;
      while (true) {
        byte c = b[i]; // i < n: a value starts here
        if (c == '{' || c == '[') {
          if (++depth > f.maxDepth) {
            return -1;
          }
          boolean object = c == '{';
          objects[depth] = object;
          bases[depth] = top;
          i = ws(i + 1);
          if (i >= n) {
            return -1;
          }
          if (b[i] == (object ? '}' : ']')) {
            depth--;
            i++;
          } else {
            i = object ? member(i) : i;
            if (i < 0) {
              return -1;
            }
            continue;
          }
        } else {
          i = scalar(i, false);
          if (i < 0) {
            return -1;
          }
        }
        // after a value: close what ends here, then find the next value
        while (true) {
          if (depth == outer) {
            return i;
          }
          i = ws(i);
          if (i >= n) {
            return -1;
          }
          c = b[i];
          boolean object = objects[depth];
          if (c == ',') {
            i = ws(i + 1);
            i = object ? member(i) : (i < n ? i : -1);
            if (i < 0) {
              return -1;
            }
            break;
          }
          if (c != (object ? '}' : ']') || (object && !unique(bases[depth]))) {
            return -1;
          }
          top = bases[depth];
          depth--;
          i++;
        }
      }
    }

    /** A member's name and colon at {@code i}: the index of its value (< n). */
    private int member(int i) {
      i = name(i);
      return i < 0 ? -1 : colon(i);
    }

    /**
     * Builds the already validated array or object {@code b[i, end)} as the tree reader's
     * deserializer builds it (the same scalar nodes; names without escapes), without recursion.
     */
    private JsonNode build(int i, int end) {
      ContainerNode<?>[] stack = new ContainerNode<?>[8];
      int sp = -1;
      String name = null;
      while (i < end) {
        byte c = b[i];
        JsonNode child;
        if (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          i++;
          continue;
        } else if (c == '}' || c == ']') {
          i++;
          if (sp == 0) {
            break;
          }
          sp--;
          continue;
        } else if (c == '{' || c == '[') {
          child = c == '{' ? f.nodes.objectNode() : f.nodes.arrayNode();
          i++;
        } else if (c == '"' && sp >= 0 && stack[sp] instanceof ObjectNode && name == null) {
          int e = string(i + 1);
          name = text(i + 1, e - 1);
          i = e;
          continue;
        } else {
          i = scalar(i, true);
          child = built;
        }
        if (sp >= 0) {
          if (stack[sp] instanceof ObjectNode o) {
            o.set(name, child);
            name = null;
          } else {
            ((ArrayNode) stack[sp]).add(child);
          }
        }
        if (child instanceof ContainerNode<?> k) {
          if (++sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
          }
          stack[sp] = k;
        }
      }
      return stack[0];
    }

    // ------------------------------------------------------------------ tokens

    private int ws(int i) {
      while (i < n) {
        byte c = b[i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          break;
        }
        i++;
      }
      return i;
    }

    /** Whitespace, a colon, whitespace: the index of the value after it (< n). */
    private int colon(int i) {
      i = ws(i);
      if (i >= n || b[i] != ':') {
        return -1;
      }
      i = ws(i + 1);
      return i < n ? i : -1;
    }

    private int literal(int i, byte[] word) {
      int e = i + word.length;
      return e <= n && Arrays.equals(b, i, e, word, 0, word.length) ? e : -1;
    }

    /**
     * A member name at {@code i} (its opening quote), pushed on the name stack: no escapes (so that
     * byte equality is string equality), valid UTF-8, at most maxNameLength bytes.
     */
    private int name(int i) {
      if (i >= n || b[i] != '"') {
        return -1;
      }
      int start = ++i;
      while (true) {
        i = plain(i);
        if (i >= n) {
          return -1;
        }
        byte c = b[i];
        if (c == '"') {
          break;
        }
        i = c < 0 ? utf8(i) : -1; // an escape or a control character is declined
        if (i < 0) {
          return -1;
        }
      }
      int len = i - start;
      if (len > f.maxName) {
        return -1;
      }
      if (top == nameStart.length) {
        nameStart = Arrays.copyOf(nameStart, top * 2);
        nameLen = Arrays.copyOf(nameLen, top * 2);
        nameHash = Arrays.copyOf(nameHash, top * 2);
      }
      nameStart[top] = start;
      nameLen[top] = len;
      nameHash[top] = hash(b, start, len);
      top++;
      return i + 1;
    }

    /**
     * The rest of a string from {@code i} (after its opening quote): the index after the closing
     * quote. Sets {@link #stringFlags}. Declines <code>&#92;u</code> escapes, raw control
     * characters, invalid UTF-8 and strings over maxStringLength bytes.
     */
    private int string(int i) {
      int start = i;
      int flags = 0;
      while (true) {
        i = plain(i);
        if (i >= n) {
          return -1;
        }
        byte c = b[i];
        if (c == '"') {
          break;
        } else if (c == '\\') {
          if (i + 1 >= n || !simpleEscape(b[i + 1])) {
            return -1;
          }
          flags |= STRING_ESCAPED;
          i += 2;
        } else if (c < 0) {
          i = utf8(i);
          if (i < 0) {
            return -1;
          }
          flags |= STRING_NON_ASCII;
        } else {
          return -1;
        }
      }
      if (i - start > f.maxString) {
        return -1;
      }
      stringFlags = flags;
      return i + 1;
    }

    /**
     * The first index from {@code i} holding a quote, a backslash, a control or a non-ASCII byte
     * (or n): eight bytes at a time, as most of a payload is plain string content.
     */
    private int plain(int i) {
      for (; i + 8 <= n; i += 8) {
        long x = (long) LONGS.get(b, i);
        long q = x ^ QUOTES;
        long s = x ^ BACKSLASHES;
        // the lowest flagged byte is a true hit: borrows only carry upwards from one
        long m = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - SPACES) & ~x) | x) & HIGHS;
        if (m != 0) {
          return i + (Long.numberOfTrailingZeros(m) >>> 3);
        }
      }
      for (; i < n; i++) {
        byte c = b[i];
        if (c < 0x20 || c == '"' || c == '\\') { // non-ASCII bytes are negative
          return i;
        }
      }
      return n;
    }

    private static boolean simpleEscape(byte c) {
      return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't';
    }

    /** One strictly valid UTF-8 sequence (RFC 3629) of two to four bytes at {@code i}: the index after it. */
    private int utf8(int i) {
      int c = b[i] & 0xFF;
      int len;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) {
          lo = 0xA0; // overlong below U+0800
        } else if (c == 0xED) {
          hi = 0x9F; // surrogates
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) {
          lo = 0x90; // overlong below U+10000
        } else if (c == 0xF4) {
          hi = 0x8F; // above U+10FFFF
        }
      } else {
        return -1;
      }
      if (i + len > n) {
        return -1;
      }
      int second = b[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return -1;
      }
      for (int k = 2; k < len; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return -1;
        }
      }
      return i + len;
    }

    /** The string {@code b[start, end)} (as the last {@link #string} call saw it), decoded. */
    private String text(int start, int end) {
      if ((stringFlags & STRING_ESCAPED) == 0) {
        return new String(b, start, end - start,
            (stringFlags & STRING_NON_ASCII) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      }
      byte[] out = new byte[end - start];
      int o = 0;
      for (int i = start; i < end; i++) {
        byte c = b[i];
        if (c == '\\') {
          c = b[++i];
          c = switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c; // " \ /
          };
        }
        out[o++] = c;
      }
      return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    /**
     * A number at {@code i}: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, at most
     * maxNumber characters and nine exponent digits. Sets {@link #numberIsFloat}.
     */
    private int number(int i) {
      int start = i;
      if (b[i] == '-') {
        i++;
      }
      if (i >= n) {
        return -1;
      }
      byte c = b[i];
      if (c == '0') {
        i++;
      } else if (c >= '1' && c <= '9') {
        i = digits(i + 1);
      } else {
        return -1;
      }
      boolean fp = false;
      if (i < n && b[i] == '.') {
        int d = ++i;
        i = digits(i);
        if (i == d) {
          return -1;
        }
        fp = true;
      }
      if (i < n && (b[i] == 'e' || b[i] == 'E')) {
        i++;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
          i++;
        }
        int d = i;
        i = digits(i);
        if (i == d || i - d > MAX_EXPONENT_DIGITS) {
          return -1;
        }
        fp = true;
      }
      if (i - start > f.maxNumber) {
        return -1;
      }
      numberIsFloat = fp;
      return i;
    }

    private int digits(int i) {
      while (i < n && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      return i;
    }

    /**
     * The node of the number {@code b[start, end)} that the tree reader builds: IntNode when it fits
     * an int, else LongNode, else BigIntegerNode; DecimalNode of the exact BigDecimal for any float.
     */
    private JsonNode number(int start, int end) {
      int len = end - start;
      if (numberIsFloat) {
        for (int k = 0; k < len; k++) {
          chars[k] = (char) b[start + k];
        }
        return f.nodes.numberNode(new BigDecimal(chars, 0, len));
      }
      if (len - (b[start] == '-' ? 1 : 0) <= 18) {
        long v = parseLong(start, end);
        return v == (int) v ? f.nodes.numberNode((int) v) : f.nodes.numberNode(v);
      }
      BigInteger v = new BigInteger(new String(b, start, len, StandardCharsets.ISO_8859_1));
      return v.bitLength() < 64 ? f.nodes.numberNode(v.longValue()) : f.nodes.numberNode(v);
    }

    /** The integer {@code b[start, end)} of at most 18 digits. */
    private long parseLong(int start, int end) {
      boolean negative = b[start] == '-';
      long v = 0;
      for (int k = negative ? start + 1 : start; k < end; k++) {
        v = v * 10 + (b[k] - '0');
      }
      return negative ? -v : v;
    }

    // ------------------------------------------------------------------ duplicates

    /** Whether the names pushed since {@code base} (one object's) are surely distinct; linear time. */
    private boolean unique(int base) {
      int count = top - base;
      if (count <= SMALL_OBJECT) {
        for (int j = base + 1; j < top; j++) {
          for (int k = base; k < j; k++) {
            if (sameName(j, k)) {
              return false;
            }
          }
        }
        return true;
      }
      int size = Integer.highestOneBit(count) << 2;
      int[] index = tableIndex;
      int[] stamps = tableStamp;
      if (size > index.length) {
        index = new int[size];
        stamps = new int[size];
        if (size <= KEEP_TABLE) {
          tableIndex = index;
          tableStamp = stamps;
          stamp = 0;
        }
      }
      int mark;
      if (index != tableIndex) {
        mark = 1; // arrays of this call only
      } else {
        if (stamp == Integer.MAX_VALUE) {
          Arrays.fill(stamps, 0);
          stamp = 0;
        }
        mark = ++stamp;
      }
      int mask = size - 1;
      for (int j = base; j < top; j++) {
        int slot = mix(nameHash[j]) & mask;
        for (int probes = 0; stamps[slot] == mark; probes++) {
          if (probes == MAX_PROBES || sameName(j, index[slot])) {
            return false; // a duplicate, or names crafted to collide: Jackson's path decides
          }
          slot = (slot + 1) & mask;
        }
        stamps[slot] = mark;
        index[slot] = j;
      }
      return true;
    }

    private boolean sameName(int j, int k) {
      int len = nameLen[j];
      if (nameHash[j] != nameHash[k] || len != nameLen[k]) {
        return false;
      }
      int a = nameStart[j];
      int c = nameStart[k];
      return Arrays.equals(b, a, a + len, b, c, c + len);
    }
  }
}
