package dev.subfilter.cli;

import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How events are read: {@code --format} and the 4me signature settings. */
final class EventOptions {
  static final List<String> FORMATS = List.of("auto", "workfront", "4me", "cmp");

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "The events' vendor: workfront, 4me, cmp, or auto (the default) to tell each event's vendor by its keys: "
          + "Workfront has eventType and newState, 4me event or jwt, CMP event_name.")
  String format = "auto";

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
    if (!FORMATS.contains(format)) {
      throw new ParameterException(mixee.commandLine(),
          "Invalid value for option '--format': '" + format + "' (expected one of " + String.join(", ", FORMATS) + ")");
    }
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
    return new EventDecoder(format, json, fourMe);
  }
}
