package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository-root launcher {@code ./subfilter}: says clearly when the jar is not built. */
class LauncherScriptTest {
  @TempDir
  Path tmp;

  @Test
  void launcher_withoutTheJar_saysHowToBuildIt_exit3() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "needs bash");
    Path script = tmp.resolve("subfilter");
    Files.copy(Cli.ROOT.resolve("subfilter"), script, StandardCopyOption.REPLACE_EXISTING);

    Process p = new ProcessBuilder("bash", script.toString(), "--help").redirectErrorStream(false).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).isEqualTo(3);
    assertThat(err).isEqualTo("subfilter: " + tmp.resolve("filter-cli/target/subfilter.jar")
        + " is not built yet; build it first with: ./mvnw -q install -DskipTests\n");
  }
}
