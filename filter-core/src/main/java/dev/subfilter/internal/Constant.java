package dev.subfilter.internal;

import dev.subfilter.JsonModel.Kind;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A leaf fieldValue (or a value inside one) with every reading of it worked out once at plan time: its number (if it is a
 * number or a numeric string), its instant (if a date-time string), its boolean (if a boolean or
 * "true"/"false"), and its text for {@code contains}.
 */
final class Constant implements Operand {
  final Kind kind;
  final String string;
  final BigDecimal number;
  final boolean isLong;
  final long longValue;
  final Boolean bool;
  final Instant instant;
  final String containsText;
  final Constant[] elements;
  final String[] keys;
  final Constant[] values;

  private Constant(Kind kind, String string, BigDecimal number, Boolean bool, String containsText,
      Constant[] elements, String[] keys, Constant[] values) {
    this.kind = kind;
    this.string = string;
    this.number = number;
    long lv = 0;
    boolean fits = false;
    if (number != null) {
      try {
        lv = number.longValueExact();
        fits = true;
      } catch (ArithmeticException e) {
        fits = false; // a fraction or out of range: compare as BigDecimal
      }
    }
    this.isLong = fits;
    this.longValue = lv;
    this.bool = bool;
    this.instant = string == null ? null : DateTimes.parseDateTime(string);
    this.containsText = containsText;
    this.elements = elements;
    this.keys = keys;
    this.values = values;
  }

  static Constant of(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      String t = s.value();
      Boolean b = t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
      return new Constant(Kind.STRING, t, Numbers.parseNumber(t), b, t, null, null, null);
    }
    if (v instanceof JsonValue.Num n) {
      return new Constant(Kind.NUMBER, null, n.value(), null, Numbers.plain(n.value(), Limits.MAX_STRING_LENGTH), null, null, null);
    }
    if (v instanceof JsonValue.Bool b) {
      return new Constant(Kind.BOOLEAN, null, null, b.value(), Boolean.toString(b.value()), null, null, null);
    }
    if (v instanceof JsonValue.Arr a) {
      Constant[] els = new Constant[a.elements().size()];
      for (int i = 0; i < els.length; i++) {
        els[i] = of(a.elements().get(i));
      }
      return new Constant(Kind.ARRAY, null, null, null, null, els, null, null);
    }
    if (v instanceof JsonValue.Obj o) {
      String[] ks = new String[o.members().size()];
      Constant[] vs = new Constant[ks.length];
      int i = 0;
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        ks[i] = e.getKey();
        vs[i++] = of(e.getValue());
      }
      return new Constant(Kind.OBJECT, null, null, null, null, null, ks, vs);
    }
    return new Constant(Kind.NULL, null, null, null, null, null, null, null);
  }
}
