package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.subfilter.EventNames;
import dev.subfilter.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a mapping file into a {@link Mapping}, compiling every JSONPath, template and pattern, and
 * collecting every problem with its JSON Pointer before failing once. The rules are those of {@code
 * mapping.schema.json}, plus what a schema cannot say (JSONPath and pattern syntax, template
 * placeholders, eventType constants). Not thread-safe; one per read.
 */
final class MappingReader {
  static final Set<String> TOP = Set.of("$schema", "source", "description", "objCode", "eventType", "name", "objId",
      "newState", "oldState", "eventTime", "deliveryId", "verify");
  static final List<String> SOURCES = List.of("path", "header", "const", "template", "firstOf", "switch", "changes", "changeList");
  static final Set<String> MODIFIERS = Set.of("regex", "case", "map", "default");
  private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final long MAX_TOLERANCE = 7L * 24 * 3600;

  private final Json json;
  private final List<Problem> problems = new ArrayList<>();

  private MappingReader(Json json) {
    this.json = json;
  }

  /**
   * The mapping in {@code root}.
   *
   * @throws InvalidMappingException with every problem found
   */
  static Mapping read(JsonNode root, Json json) {
    return new MappingReader(json).mapping(root);
  }

  private void problem(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }

  private Mapping mapping(JsonNode root) {
    if (!root.isObject()) {
      problem("", "a mapping is a JSON object, found " + Texts.describe(root));
      throw new InvalidMappingException(problems);
    }
    unknownKeys(root, "", TOP, "a mapping's keys are " + String.join(", ", sorted(TOP)));
    String source = null;
    JsonNode s = root.get("source");
    if (s == null) {
      problem("/source", "missing; name the vendor (lower-case letters, digits, '_', '.', '-'), e.g. \"github\"");
    } else if (!s.isTextual() || !SOURCE_NAME.matcher(s.textValue()).matches()) {
      problem("/source", "expected the vendor's name (lower-case letters, digits, '_', '.', '-', starting with a letter, at most 64), found "
          + Texts.describe(s));
    } else {
      source = s.textValue();
    }
    for (String key : new String[] {"description", "$schema"}) {
      JsonNode d = root.get(key);
      if (d != null && !d.isTextual()) {
        problem(Problem.child("", key), "expected a string, found " + Texts.describe(d));
      }
    }
    Value objCode = part(root, "objCode", true, false);
    Value eventType = part(root, "eventType", true, false);
    eventTypeConstants(root.get("eventType"), "/eventType");
    Value name = part(root, "name", false, false);
    Value objId = part(root, "objId", false, false);
    Value newState = part(root, "newState", true, false);
    Value oldState = part(root, "oldState", false, true);
    Value eventTime = part(root, "eventTime", false, false);
    Times format = null;
    if (root.has("eventTime")) {
      JsonNode f = root.get("eventTime").get("format");
      format = f == null ? Times.ISO_8601 : f.isTextual() ? Times.of(f.textValue()) : null;
      if (format == null && root.get("eventTime").isObject()) {
        problem("/eventTime/format", "expected iso-8601 (the default), epoch-seconds or epoch-millis, found " + Texts.describe(f));
      }
    }
    Value deliveryId = part(root, "deliveryId", false, false);
    Verifier.Spec verify = root.has("verify") ? verify(root.get("verify"), "/verify") : null;
    if (!problems.isEmpty()) {
      throw new InvalidMappingException(problems);
    }
    return new Mapping(source, objCode, eventType, name, objId, newState, oldState, eventTime, format, deliveryId, verify);
  }

  private Value part(JsonNode root, String key, boolean required, boolean oldState) {
    JsonNode n = root.get(key);
    if (n == null) {
      if (required) {
        problem("/" + key, "missing; say where the event's " + key + " comes from, e.g. {\"path\": \"$.…\"}");
      }
      return null;
    }
    return value(n, "/" + key, oldState, key.equals("eventTime"));
  }

  /** A value spec; {@code null} (with problems) when it is not one. */
  private Value value(JsonNode n, String p, boolean oldState, boolean eventTime) {
    if (!n.isObject()) {
      problem(p, "expected a value: an object with one of " + sources(oldState) + ", found " + Texts.describe(n));
      return null;
    }
    List<String> given = new ArrayList<>();
    for (String s : SOURCES) {
      if (n.has(s)) {
        given.add(s);
      }
    }
    if (given.size() != 1) {
      problem(p, given.isEmpty() ? "no source: give one of " + sources(oldState)
          : "give one source, found " + String.join(" and ", given) + " (firstOf tries several in order)");
      return null;
    }
    String kind = given.get(0);
    Set<String> allowed = new LinkedHashSet<>();
    allowed.add(kind);
    allowed.addAll(MODIFIERS);
    switch (kind) {
      case "switch" -> allowed.add("cases");
      case "changes" -> allowed.add("from");
      case "changeList" -> {
        allowed.add("field");
        allowed.add("from");
      }
      default -> { }
    }
    if (eventTime) {
      allowed.add("format");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        problem(Problem.child(p, k), k.equals("format") ? "format is allowed only on eventTime"
            : SOURCES.contains(k) ? "give one source" : "unknown key \"" + k + "\"; a " + kind + " value allows " + String.join(", ", allowed));
      }
    }
    if ((kind.equals("changes") || kind.equals("changeList")) && !oldState) {
      problem(Problem.child(p, kind), kind + " derives an old state from the new one; it is allowed only in oldState");
      return null;
    }
    Value v = source(kind, n, p, oldState);
    Value m = modified(v, n, p); // checked even when the source is bad: every problem at once
    return v == null ? null : m;
  }

  private Value source(String kind, JsonNode n, String p, boolean oldState) {
    JsonNode arg = n.get(kind);
    String ap = Problem.child(p, kind);
    switch (kind) {
      case "path":
        return path(arg, ap);
      case "header":
        return header(arg, ap);
      case "const":
        if (arg.isNull()) {
          problem(ap, "a null constant is always missing; leave the part out instead");
          return null;
        }
        return new Value.Const(arg);
      case "template":
        return template(arg, ap);
      case "firstOf": {
        if (!arg.isArray() || arg.isEmpty()) {
          problem(ap, "expected a non-empty array of values, tried in order, found " + Texts.describe(arg));
          return null;
        }
        List<Value> options = new ArrayList<>();
        for (int i = 0; i < arg.size(); i++) {
          options.add(value(arg.get(i), Problem.child(ap, i), oldState, false));
        }
        return options.contains(null) ? null : new Value.FirstOf(List.copyOf(options));
      }
      case "switch": {
        Value on = value(arg, ap, false, false);
        JsonNode cases = n.get("cases");
        String cp = Problem.child(p, "cases");
        if (cases == null || !cases.isObject() || cases.isEmpty()) {
          problem(cp, cases == null ? "missing; a switch names its cases: {\"value of the switch\": {value}, ...}"
              : "expected a non-empty object of cases, found " + Texts.describe(cases));
          return null;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        boolean ok = on != null;
        for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Value v = value(e.getValue(), Problem.child(cp, e.getKey()), oldState, false);
          ok &= v != null;
          out.put(e.getKey(), v);
        }
        // the mapping's order, for messages (Map.copyOf would shuffle it per JVM)
        return ok ? new Value.Switch(on, java.util.Collections.unmodifiableMap(out)) : null;
      }
      case "changes": {
        Value changes = value(arg, ap, false, false);
        String from = null;
        JsonNode f = n.get("from");
        if (f != null) {
          if (!f.isTextual() || f.textValue().isEmpty()) {
            problem(Problem.child(p, "from"), "expected the member holding a field's old value (\"from\" for GitHub, \"previous\" for GitLab), found "
                + Texts.describe(f));
            return null;
          }
          from = f.textValue();
        }
        return changes == null ? null : new Value.Changes(changes, from);
      }
      case "changeList": {
        Value list = value(arg, ap, false, false);
        List<String> fields = new ArrayList<>();
        JsonNode f = n.get("field");
        String fp = Problem.child(p, "field");
        if (f == null) {
          problem(fp, "missing; name the item member that holds the field's name, e.g. \"field\" (or [\"fieldId\", \"field\"])");
        } else if (f.isTextual() && !f.textValue().isEmpty()) {
          fields.add(f.textValue());
        } else if (f.isArray() && !f.isEmpty()) {
          for (int i = 0; i < f.size(); i++) {
            if (!f.get(i).isTextual() || f.get(i).textValue().isEmpty()) {
              problem(Problem.child(fp, i), "expected a member name, found " + Texts.describe(f.get(i)));
            } else {
              fields.add(f.get(i).textValue());
            }
          }
        } else {
          problem(fp, "expected a member name or a non-empty array of them, tried in order, found " + Texts.describe(f));
        }
        JsonNode from = n.get("from");
        String fromp = Problem.child(p, "from");
        if (from == null || !from.isTextual() || from.textValue().isEmpty()) {
          problem(fromp, (from == null ? "missing" : "found " + Texts.describe(from))
              + "; name the item member that holds the old value, e.g. \"fromString\"");
          return null;
        }
        return list == null || fields.isEmpty() ? null : new Value.ChangeList(list, List.copyOf(fields), from.textValue());
      }
      default:
        throw new AssertionError("unhandled source " + kind);
    }
  }

  private Value.Path path(JsonNode arg, String p) {
    if (!arg.isTextual() || !arg.textValue().startsWith("$")) {
      problem(p, "expected a JSONPath starting with $ (e.g. \"$.issue.id\"), found " + Texts.describe(arg));
      return null;
    }
    String expr = arg.textValue();
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(expr);
    } catch (InvalidPathException e) {
      problem(p, "not a JSONPath: " + e.getMessage());
      return null;
    } catch (RuntimeException e) {
      problem(p, "not a JSONPath: " + e);
      return null;
    }
    SimplePath simple = compiled.isDefinite() ? SimplePath.of(compiled.getPath()) : null;
    return new Value.Path(expr, compiled, simple, json.jsonPath, json.mapper);
  }

  private Value.Header header(JsonNode arg, String p) {
    if (!arg.isTextual() || !HEADER_NAME.matcher(arg.textValue()).matches()) {
      problem(p, "expected a header name (e.g. \"X-GitHub-Event\"), found " + Texts.describe(arg));
      return null;
    }
    return new Value.Header(arg.textValue());
  }

  private Value template(JsonNode arg, String p) {
    if (!arg.isTextual() || arg.textValue().isEmpty()) {
      problem(p, "expected a template string such as \"{header:X-GitHub-Event}.{$.action}\", found " + Texts.describe(arg));
      return null;
    }
    List<String> errors = new ArrayList<>();
    List<Templates.Token> tokens = Templates.split(arg.textValue(), errors);
    errors.forEach(e -> problem(p, e));
    if (!errors.isEmpty()) {
      return null;
    }
    List<Value> pieces = new ArrayList<>();
    boolean ok = true;
    for (Templates.Token t : tokens) {
      if (!t.placeholder()) {
        pieces.add(new Value.Const(com.fasterxml.jackson.databind.node.TextNode.valueOf(t.text())));
      } else if (t.text().startsWith("header:")) {
        Value.Header h = header(com.fasterxml.jackson.databind.node.TextNode.valueOf(t.text().substring(7).trim()), p);
        ok &= h != null;
        pieces.add(h);
      } else if (t.text().startsWith("$")) {
        Value.Path v = path(com.fasterxml.jackson.databind.node.TextNode.valueOf(t.text()), p);
        ok &= v != null;
        pieces.add(v);
      } else {
        problem(p, "unknown placeholder {" + t.text() + "}; a template reads {header:Name} or {$.json.path}");
        ok = false;
      }
    }
    return ok ? new Value.Template(arg.textValue(), List.copyOf(pieces)) : null;
  }

  private Value modified(Value v, JsonNode n, String p) {
    Pattern regex = null;
    Value.Case letterCase = null;
    Map<String, JsonNode> map = null;
    JsonNode fallback = null;
    boolean ok = true;
    JsonNode r = n.get("regex");
    if (r != null) {
      if (!r.isTextual() || r.textValue().isEmpty()) {
        problem(Problem.child(p, "regex"), "expected a Java regular expression, found " + Texts.describe(r));
        ok = false;
      } else {
        try {
          regex = Pattern.compile(r.textValue());
        } catch (PatternSyntaxException e) {
          problem(Problem.child(p, "regex"), "not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
          ok = false;
        }
      }
    }
    JsonNode c = n.get("case");
    if (c != null) {
      if (c.isTextual() && (c.textValue().equals("upper") || c.textValue().equals("lower"))) {
        letterCase = c.textValue().equals("upper") ? Value.Case.UPPER : Value.Case.LOWER;
      } else {
        problem(Problem.child(p, "case"), "expected \"upper\" or \"lower\", found " + Texts.describe(c));
        ok = false;
      }
    }
    JsonNode m = n.get("map");
    if (m != null) {
      if (!m.isObject() || m.isEmpty()) {
        problem(Problem.child(p, "map"), "expected a non-empty object from the vendor's values to the event's, found " + Texts.describe(m));
        ok = false;
      } else {
        map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue());
        }
        map = java.util.Collections.unmodifiableMap(map);
      }
    }
    JsonNode dflt = n.get("default");
    if (dflt != null) {
      if (dflt.isNull()) {
        problem(Problem.child(p, "default"), "a null default is the same as none; leave it out");
        ok = false;
      }
      fallback = dflt;
    }
    if (!ok || v == null) {
      return null;
    }
    return regex == null && letterCase == null && map == null && fallback == null ? v : new Value.Modified(v, regex, letterCase, map, fallback);
  }

  /** Constants that can reach eventType (const, map values, defaults) must be CREATE, UPDATE or DELETE. */
  private void eventTypeConstants(JsonNode n, String p) {
    if (n == null || !n.isObject()) {
      return;
    }
    checkType(n.get("const"), Problem.child(p, "const"));
    checkType(n.get("default"), Problem.child(p, "default"));
    JsonNode m = n.get("map");
    if (m != null && m.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        checkType(e.getValue(), Problem.child(Problem.child(p, "map"), e.getKey()));
      }
    }
    JsonNode first = n.get("firstOf");
    if (first != null && first.isArray()) {
      for (int i = 0; i < first.size(); i++) {
        eventTypeConstants(first.get(i), Problem.child(Problem.child(p, "firstOf"), i));
      }
    }
    JsonNode cases = n.get("cases");
    if (n.has("switch") && cases != null && cases.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        eventTypeConstants(e.getValue(), Problem.child(Problem.child(p, "cases"), e.getKey()));
      }
    }
  }

  private void checkType(JsonNode v, String p) {
    if (v != null && !v.isNull() && !(v.isTextual() && EventNames.isCanonical(v.textValue()))) {
      problem(p, "an eventType is CREATE, UPDATE or DELETE, found " + Texts.describe(v));
    }
  }

  private Verifier.Spec verify(JsonNode n, String p) {
    if (!n.isObject()) {
      problem(p, "expected {\"hmac\": {...}} or {\"token\": {...}}, with secretEnv and secretEncoding, found " + Texts.describe(n));
      return null;
    }
    unknownKeys(n, p, Set.of("hmac", "token", "secretEnv", "secretEncoding"), "verify's keys are hmac or token, secretEnv, secretEncoding");
    List<String> env = new ArrayList<>();
    JsonNode e = n.get("secretEnv");
    String ep = Problem.child(p, "secretEnv");
    if (e != null) {
      List<JsonNode> names = new ArrayList<>();
      if (e.isArray() && !e.isEmpty()) {
        e.forEach(names::add);
      } else {
        names.add(e);
      }
      for (int i = 0; i < names.size(); i++) {
        JsonNode name = names.get(i);
        if (!name.isTextual() || !ENV_NAME.matcher(name.textValue()).matches()) {
          problem(e.isArray() ? Problem.child(ep, i) : ep, "expected an environment variable name (letters, digits, '_'), or an array of them, found "
              + Texts.describe(name));
        } else {
          env.add(name.textValue());
        }
      }
    }
    Verifier.SecretEncoding encoding = Verifier.SecretEncoding.TEXT;
    JsonNode se = n.get("secretEncoding");
    if (se != null) {
      if (se.isTextual() && se.textValue().equals("base64")) {
        encoding = Verifier.SecretEncoding.BASE64;
      } else if (!(se.isTextual() && se.textValue().equals("text"))) {
        problem(Problem.child(p, "secretEncoding"), "expected \"text\" (the default: the secret's UTF-8 bytes are the key) or \"base64\" "
            + "(Standard Webhooks' whsec_…), found " + Texts.describe(se));
      }
    }
    boolean hmac = n.has("hmac");
    boolean token = n.has("token");
    if (hmac == token) {
      problem(p, hmac ? "give one of hmac and token, not both" : "missing the check: {\"hmac\": {...}} or {\"token\": {\"header\": ...}}");
      return null;
    }
    if (token) {
      JsonNode t = n.get("token");
      String tp = Problem.child(p, "token");
      if (!t.isObject()) {
        problem(tp, "expected {\"header\": \"X-Gitlab-Token\"}, found " + Texts.describe(t));
        return null;
      }
      unknownKeys(t, tp, Set.of("header"), "token's one key is header");
      JsonNode h = t.get("header");
      if (h == null) {
        problem(Problem.child(tp, "header"), "missing; name the header that carries the shared secret");
        return null;
      }
      Value.Header header = header(h, Problem.child(tp, "header"));
      return header == null ? null : new Verifier.TokenSpec(header.name(), List.copyOf(env), encoding);
    }
    return hmac(n.get("hmac"), Problem.child(p, "hmac"), env, encoding);
  }

  private Verifier.Spec hmac(JsonNode h, String p, List<String> env, Verifier.SecretEncoding secretEncoding) {
    if (!h.isObject()) {
      problem(p, "expected {\"algorithm\", \"encoding\", \"header\", ...}, found " + Texts.describe(h));
      return null;
    }
    unknownKeys(h, p, Set.of("algorithm", "encoding", "header", "prefix", "separator", "signed", "timestamp", "tolerance"),
        "hmac's keys are algorithm, encoding, header, prefix, separator, signed, timestamp, tolerance");
    int before = problems.size();
    String alg = text(h, "algorithm", p, true);
    String macName = alg == null ? null : switch (alg) {
      case "sha1" -> "HmacSHA1";
      case "sha256" -> "HmacSHA256";
      case "sha512" -> "HmacSHA512";
      default -> null;
    };
    if (alg != null && macName == null) {
      problem(Problem.child(p, "algorithm"), "expected sha256, sha1 or sha512, found \"" + alg + "\"");
    }
    String enc = text(h, "encoding", p, true);
    Verifier.Encoding encoding = "hex".equals(enc) ? Verifier.Encoding.HEX : "base64".equals(enc) ? Verifier.Encoding.BASE64 : null;
    if (enc != null && encoding == null) {
      problem(Problem.child(p, "encoding"), "expected hex or base64, found \"" + enc + "\"");
    }
    String header = null;
    if (h.has("header")) {
      Value.Header hv = header(h.get("header"), Problem.child(p, "header"));
      header = hv == null ? null : hv.name();
    } else {
      problem(Problem.child(p, "header"), "missing; name the header that carries the signature");
    }
    String prefix = h.has("prefix") ? text(h, "prefix", p, false) : "";
    String separator = h.has("separator") ? text(h, "separator", p, false) : null;
    if (separator != null && separator.isEmpty()) {
      problem(Problem.child(p, "separator"), "expected the text between the header's entries, e.g. \",\" or \" \"");
    }
    String tsHeader = null;
    String tsEntry = null;
    JsonNode ts = h.get("timestamp");
    String tp = Problem.child(p, "timestamp");
    if (ts != null) {
      if (!ts.isObject() || ts.size() != 1 || !(ts.has("header") || ts.has("entry"))) {
        problem(tp, "expected {\"header\": \"webhook-timestamp\"} or {\"entry\": \"t=\"} (an entry of the signature header), found "
            + Texts.describe(ts));
      } else if (ts.has("header")) {
        Value.Header hv = header(ts.get("header"), Problem.child(tp, "header"));
        tsHeader = hv == null ? null : hv.name();
      } else {
        tsEntry = text(ts, "entry", tp, true);
        if (tsEntry != null && separator == null) {
          problem(Problem.child(tp, "entry"), "an entry of the signature header needs a separator between entries (hmac.separator)");
        }
      }
    }
    long tolerance = 300;
    JsonNode tol = h.get("tolerance");
    if (tol != null) {
      if (ts == null) {
        problem(Problem.child(p, "tolerance"), "a tolerance needs a timestamp (hmac.timestamp)");
      } else if (!tol.canConvertToLong() || !tol.isIntegralNumber() || tol.longValue() < 1 || tol.longValue() > MAX_TOLERANCE) {
        problem(Problem.child(p, "tolerance"), "expected whole seconds from 1 to " + MAX_TOLERANCE + ", found " + Texts.describe(tol));
      } else {
        tolerance = tol.longValue();
      }
    }
    List<Verifier.Piece> signed = signed(h.has("signed") ? h.get("signed") : com.fasterxml.jackson.databind.node.TextNode.valueOf("{body}"),
        Problem.child(p, "signed"), ts != null);
    if (problems.size() > before || macName == null || encoding == null || header == null || signed == null) {
      return null;
    }
    return new Verifier.HmacSpec(alg, macName, encoding, header, prefix == null ? "" : prefix, separator, signed, tsHeader, tsEntry,
        tolerance, List.copyOf(env), secretEncoding);
  }

  private List<Verifier.Piece> signed(JsonNode s, String p, boolean timestamp) {
    if (!s.isTextual() || s.textValue().isEmpty()) {
      problem(p, "expected a template of what is signed, e.g. \"{body}\" or \"{timestamp}.{body}\", found " + Texts.describe(s));
      return null;
    }
    List<String> errors = new ArrayList<>();
    List<Templates.Token> tokens = Templates.split(s.textValue(), errors);
    errors.forEach(e -> problem(p, e));
    if (!errors.isEmpty()) {
      return null;
    }
    List<Verifier.Piece> out = new ArrayList<>();
    int bodies = 0;
    for (Templates.Token t : tokens) {
      if (!t.placeholder()) {
        out.add(new Verifier.Piece(Verifier.Piece.Kind.LITERAL, t.text()));
      } else if (t.text().equals("body")) {
        bodies++;
        out.add(new Verifier.Piece(Verifier.Piece.Kind.BODY, null));
      } else if (t.text().equals("timestamp")) {
        if (!timestamp) {
          problem(p, "{timestamp} needs hmac.timestamp to say where the timestamp is");
          return null;
        }
        out.add(new Verifier.Piece(Verifier.Piece.Kind.TIMESTAMP, null));
      } else if (t.text().startsWith("header:") && HEADER_NAME.matcher(t.text().substring(7).trim()).matches()) {
        out.add(new Verifier.Piece(Verifier.Piece.Kind.HEADER, t.text().substring(7).trim()));
      } else {
        problem(p, "unknown placeholder {" + t.text() + "}; what is signed is made of {body}, {timestamp}, {header:Name} and text");
        return null;
      }
    }
    if (bodies != 1) {
      problem(p, "what is signed must include {body} exactly once, found it " + bodies + " times");
      return null;
    }
    return List.copyOf(out);
  }

  private String text(JsonNode n, String key, String p, boolean required) {
    JsonNode v = n.get(key);
    if (v == null) {
      if (required) {
        problem(Problem.child(p, key), "missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      problem(Problem.child(p, key), "expected a string, found " + Texts.describe(v));
      return null;
    }
    return v.textValue();
  }

  private void unknownKeys(JsonNode n, String p, Set<String> allowed, String hint) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        problem(Problem.child(p, k), "unknown key \"" + k + "\"; " + hint);
      }
    }
  }

  private static String sources(boolean oldState) {
    return oldState ? String.join(", ", SOURCES) : String.join(", ", SOURCES.subList(0, 6));
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().filter(k -> !k.startsWith("$")).sorted().toList();
  }
}
