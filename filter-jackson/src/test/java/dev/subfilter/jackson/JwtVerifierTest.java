package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
  @Test
  void constructor_ecKeyOnTheWrongCurve_namesBothCurves() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    PublicKey p256 = g.generateKeyPair().getPublic();
    assertThatThrownBy(() -> new JwtVerifier(JWSAlgorithm.ES384, List.of(new JwtVerifier.Key("k1", p256)), "i", "a",
        Duration.ZERO, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("algorithm ES384 needs a key on [P-384], got one on P-256 (kid k1)");
  }
}
