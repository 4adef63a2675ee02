package dev.subfilter.cli;

import static dev.subfilter.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of {@code explain --summary --html}, rendered by a real headless Chromium (Debian's
 * {@code chromium} package, which .ci/run installs): its DOM after loading holds each
 * subscription's block and figures, and its screenshot shows the bars in their colours. Never
 * skipped: without chromium the test fails, saying how to install it.
 */
class SummaryPageBrowserTest {
  private static final long TIMEOUT_SECONDS = 240; // the machine may be shared and loaded

  @TempDir
  Path tmp;

  private static String chromium() {
    String configured = System.getenv("SUBFILTER_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return fail("no chromium on the PATH: install Debian's chromium package (apt-get install chromium, as .ci/run does) "
        + "or set SUBFILTER_CHROMIUM to a Chromium binary; this test renders the --html page in a real browser");
  }

  /** Runs headless chromium with an empty profile; returns its standard output. */
  private String browse(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> command = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Path err = Files.createTempFile(tmp, "chromium", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
    }
    assertThat(p.exitValue()).as("chromium's exit code; its stderr:\n" + Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private Path page() throws IOException {
    Path page = tmp.resolve("funnel.html");
    Cli.Run r = Cli.run("explain", "--summary", "--html", page.toString(), "-s", example("subscriptions.json"), example("events.ndjson"));
    assertThat(r.code()).isZero();
    return page;
  }

  @Test
  void page_inChromium_domHoldsEverySubscriptionsFunnel() throws Exception {
    Path page = page();

    String dom = browse("--dump-dom", page.toUri().toString());

    assertThat(dom).contains("<h1>Rejection funnel</h1>", "11 events read; 10 subscriptions");
    assertThat(dom.split("<section class=\"subscription\">", -1)).hasSize(11);
    assertThat(dom).contains("4me-project-tasks-started <span class=\"gate\">PROJECT_TASK UPDATE</span>")
        .contains("/filters/1  status changed</span>")
        .contains("near-miss values: \"in_progress\" 1")
        .contains("cmp-comments-added <span class=\"gate\">EXTERNAL_SUB_STEP_COMMENT CREATE</span>");
  }

  @Test
  void page_inChromium_screenshotShowsTheBars() throws Exception {
    Path page = page();
    Path shot = tmp.resolve("shot.png");

    browse("--hide-scrollbars", "--window-size=1200,3600", "--screenshot=" + shot, page.toUri().toString());

    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image).as("a PNG screenshot").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    long white = 0;
    long matched = 0;
    long rejected = 0;
    long near = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        if (rgb == 0xffffff) {
          white++;
        } else if (close(rgb, 0x1a7f37)) {
          matched++;
        } else if (close(rgb, 0xcf222e)) {
          rejected++;
        } else if (close(rgb, 0xd4a72c)) {
          near++;
        }
      }
    }
    long all = (long) image.getWidth() * image.getHeight();
    assertThat(white).as("not blank").isLessThan(all);
    // every subscription matched once: ten green bars of at least a third of the 570-pixel track, 10 px high
    assertThat(matched).as("green (matched) pixels").isGreaterThan(10 * 190 * 10);
    assertThat(rejected).as("red (rejected) pixels").isGreaterThan(1_000);
    assertThat(near).as("amber (near miss) pixels").isGreaterThan(1_000);
  }

  private static boolean close(int rgb, int want) {
    return Math.abs(((rgb >> 16) & 0xff) - ((want >> 16) & 0xff)) <= 6 && Math.abs(((rgb >> 8) & 0xff) - ((want >> 8) & 0xff)) <= 6
        && Math.abs((rgb & 0xff) - (want & 0xff)) <= 6;
  }
}
