package dev.subfilter.cli;

import dev.subfilter.Problem;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jsonpath.InvalidMappingException;
import dev.subfilter.jsonpath.JsonPathAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How events are read: {@code --format} (or {@code --mapping}), the 4me signature settings, headers and secrets. */
final class EventOptions {
  static final List<String> FORMATS = List.of("auto", "workfront", "4me", "cmp");
  /** FORMATS and the shipped JSONPath mappings. */
  static final List<String> ALL_FORMATS = allFormats();

  private static List<String> allFormats() {
    List<String> all = new ArrayList<>(FORMATS);
    all.addAll(JsonPathAdapter.shippedNames());
    return List.copyOf(all);
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "The events' vendor: workfront, 4me, cmp, a shipped JSONPath mapping (github, gitlab, jira, stripe, "
          + "standard-webhooks), or auto (the default) to tell each event's vendor by its keys: "
          + "Workfront has eventType and newState, 4me event or jwt, CMP event_name.")
  String format = "auto";

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "Read every event with this JSONPath mapping file (the README's 'Any vendor: JSONPath mappings'), instead of --format.")
  Path mapping;

  @Option(names = "--header", paramLabel = "'NAME: VALUE'",
      description = "A request header of every event (repeatable); an envelope's own headers win over these.")
  List<String> header;

  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "The webhook's secret, one per line (several lines: a rotation): checked by --mapping and the shipped mappings "
          + "(else a mapping's secret comes from the environment variable it names), and as CMP's Callback-Secret (cmp, auto).")
  Path secretFile;

  @Option(names = "--4me-public-key", paramLabel = "PEM_FILE",
      description = "Verify signed 4me deliveries ({\"jwt\": ...}) with the webhook policy's public key; then unsigned ones are rejected. "
          + "Needs --4me-issuer and --4me-audience.")
  Path fourMeKey;

  @Option(names = "--4me-algorithm", paramLabel = "ALG", defaultValue = "RS256",
      description = "The policy's signing algorithm (default ${DEFAULT-VALUE}).")
  String fourMeAlgorithm = "RS256";

  @Option(names = "--4me-issuer", paramLabel = "URL", description = "The expected iss claim, e.g. https://wdc.4me.com.")
  String fourMeIssuer;

  @Option(names = "--4me-audience", paramLabel = "TEXT", description = "The policy's audience (the aud claim).")
  String fourMeAudience;

  /** The decoder these options describe; a bad combination is a usage error. */
  EventDecoder decoder(SubfilterJson json) {
    if (!ALL_FORMATS.contains(format)) {
      throw new ParameterException(mixee.commandLine(),
          "Invalid value for option '--format': '" + format + "' (expected one of " + String.join(", ", ALL_FORMATS) + ")");
    }
    if (mapping != null && !format.equals("auto")) {
      throw new ParameterException(mixee.commandLine(), "--mapping and --format " + format + " both say how to read events; give one");
    }
    List<String> secrets = secretFile == null ? null : secrets();
    Map<String, List<String>> headers = headers();
    Adapter byMapping = null;
    String effective = format;
    if (mapping != null || JsonPathAdapter.shippedNames().contains(format)) {
      byMapping = mappingAdapter(json, secrets);
      effective = "mapping";
    } else if (secrets != null && !format.equals("cmp") && !format.equals("auto")) {
      throw new ParameterException(mixee.commandLine(), "--secret-file is for --mapping, the shipped mappings and cmp, not --format " + format);
    } else if (secrets != null && secrets.size() > 1) {
      throw new ParameterException(mixee.commandLine(), "--secret-file " + secretFile + ": a CMP webhook has one callback secret, the file has "
          + secrets.size() + " lines");
    }
    String cmpSecret = byMapping == null && secrets != null ? secrets.get(0) : null;
    FourMeAdapter.Builder b = FourMeAdapter.builder().json(json);
    if (fourMeKey != null) {
      String pem;
      try {
        pem = Files.readString(fourMeKey, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(ExitCodes.UNREADABLE, fourMeKey + ": cannot read the 4me public key: " + e.getMessage(), e);
      }
      try {
        b.publicKeyPem(pem).algorithm(fourMeAlgorithm);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(mixee.commandLine(), "--4me-public-key " + fourMeKey + ": " + e.getMessage());
      }
      if (fourMeIssuer != null) {
        b.issuer(fourMeIssuer);
      }
      if (fourMeAudience != null) {
        b.audience(fourMeAudience);
      }
    } else if (fourMeIssuer != null || fourMeAudience != null) {
      throw new ParameterException(mixee.commandLine(), "--4me-issuer and --4me-audience need --4me-public-key");
    }
    FourMeAdapter fourMe;
    try {
      fourMe = b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage() + " (--4me-public-key, --4me-issuer, --4me-audience)");
    }
    return new EventDecoder(effective, json, fourMe, cmpSecret, byMapping, headers);
  }

  private List<String> secrets() {
    List<String> lines;
    try {
      lines = Files.readAllLines(secretFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.UNREADABLE, secretFile + ": cannot read the secret file: " + e.getMessage(), e);
    }
    List<String> out = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (out.isEmpty()) {
      throw new ParameterException(mixee.commandLine(), "--secret-file " + secretFile + " holds no secret");
    }
    return out;
  }

  private Map<String, List<String>> headers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (header == null) {
      return out;
    }
    for (String h : header) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? "" : h.substring(0, colon).strip();
      if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new ParameterException(mixee.commandLine(), "--header '" + h + "': expected 'Name: value'");
      }
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(h.substring(colon + 1).strip());
    }
    return out;
  }

  /** The adapter of --mapping FILE or of a shipped --format; a bad mapping file prints its problems and stops the run. */
  private Adapter mappingAdapter(SubfilterJson json, List<String> secrets) {
    JsonPathAdapter.Builder b = JsonPathAdapter.builder().limits(json.limits());
    String origin = mapping == null ? format : mapping.toString();
    if (mapping != null) {
      try {
        b.mapping(Files.readString(mapping, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CliException(ExitCodes.UNREADABLE, mapping + ": cannot read the mapping: " + e.getMessage(), e);
      }
    } else {
      b.shipped(format);
    }
    if (secrets != null) {
      b.secrets(secrets);
    }
    try {
      return b.build();
    } catch (InvalidMappingException e) {
      PrintWriter err = mixee.commandLine().getErr();
      for (Problem p : e.problems()) {
        err.println(origin + ":" + (p.pointer().isEmpty() ? "(root)" : p.pointer()) + ": " + p.message());
      }
      throw new CliException(ExitCodes.NO_PASS, (e.problems().size() == 1 ? "1 problem" : e.problems().size() + " problems")
          + " in the mapping " + origin + "; nothing was read (subfilter check --mapping lists them too)");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), (secretFile == null ? origin : "--secret-file " + secretFile) + ": " + e.getMessage());
    }
  }
}
