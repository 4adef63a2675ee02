package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README opens with two commands: build-and-match on examples/ (its output shown right below
 * it) and the tests. .ci/run runs the first one for real; this test catches drift earlier, in
 * {@code ./mvnw verify}: the command's match part, run in-process, prints exactly the README's output.
 */
class ReadmeTest {
  private static final String BUILD = "./mvnw -q install -DskipTests && ";

  /** The fenced blocks of the README, in order, without their fences. */
  private static List<String> blocks() throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(Cli.ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        if (current == null) {
          current = new StringBuilder();
        } else {
          out.add(current.toString());
          current = null;
        }
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return out;
  }

  @Test
  void readme_opensWithBuildAndMatch_thenTheTests() throws IOException {
    List<String> blocks = blocks();
    assertThat(blocks.get(0)).startsWith(BUILD + "./subfilter match ").hasLineCount(1);
    assertThat(blocks.get(2)).isEqualTo("./mvnw verify\n");
  }

  @Test
  void readme_firstCommandsOutput_isWhatMatchPrints() throws IOException {
    List<String> blocks = blocks();
    String command = blocks.get(0).strip().substring(BUILD.length());
    List<String> words = Arrays.asList(command.split(" +"));
    assertThat(words.get(0)).isEqualTo("./subfilter");
    String root = Cli.ROOT + "/";
    String[] args = words.subList(1, words.size()).stream()
        .map(w -> w.startsWith("examples/") ? root + w : w).toArray(String[]::new);

    Cli.Run r = Cli.run(args);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().replace(root, "")).isEqualTo(blocks.get(1));
    assertThat(r.out()).contains("\"matched\":[\"");
  }

  @Test
  void readme_explainExample_isWhatExplainPrints() throws IOException {
    List<String> blocks = blocks();
    int at = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).startsWith("sed -n 8p examples/events.ndjson | ./subfilter explain ")) {
        at = i;
      }
    }
    assertThat(at).as("the README's explain example").isPositive();
    String event = Files.readAllLines(Cli.ROOT.resolve("examples/events.ndjson"), StandardCharsets.UTF_8).get(7) + "\n";
    String[] args = blocks.get(at).strip().substring(blocks.get(at).indexOf("./subfilter ") + "./subfilter ".length()).split(" +");
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("examples/")) {
        args[i] = Cli.ROOT.resolve(args[i]).toString();
      }
    }

    Cli.Run r = Cli.withStdin(event, args);

    assertThat(r.out()).isEqualTo(blocks.get(at + 1));
  }
}
