package dev.subfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Debugging subscriptions" section: every {@code ./subfilter} command in it, run
 * in-process on examples/, prints exactly the block that follows it; and the section shows each
 * of the new outputs.
 */
class ReadmeDebuggingTest {
  @TempDir
  Path tmp;

  /** The section's fenced blocks, in order. */
  private static List<String> blocks() throws IOException {
    String readme = Files.readString(Cli.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Debugging subscriptions\n");
    assertThat(start).as("the README's Debugging subscriptions section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : readme.substring(start, end).split("\n", -1)) {
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
  void readme_debuggingCommands_printWhatTheReadmeShows() throws IOException {
    List<String> blocks = blocks();
    List<String> commands = new ArrayList<>();
    String root = Cli.ROOT + "/";
    for (int i = 0; i + 1 < blocks.size(); i++) {
      String command = blocks.get(i).strip();
      if (!command.startsWith("./subfilter ") || command.contains("\n")) {
        continue;
      }
      commands.add(command);
      String[] words = command.substring("./subfilter ".length()).split(" +");
      Path page = null;
      for (int w = 0; w < words.length; w++) {
        if (words[w].startsWith("examples/")) {
          words[w] = root + words[w];
        } else if (w > 0 && words[w - 1].equals("--html")) {
          page = tmp.resolve(words[w]);
          words[w] = page.toString();
        }
      }

      Cli.Run r = Cli.run(words);

      assertThat(r.code()).as(command).isZero();
      assertThat(r.out().replace(root, "")).as(command).isEqualTo(blocks.get(i + 1));
      if (page != null) {
        assertThat(r.err()).isEqualTo("subfilter: wrote " + page + "\n");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
      } else {
        assertThat(r.err()).as(command).isEmpty();
      }
    }
    assertThat(commands).anyMatch(c -> c.startsWith("./subfilter explain --summary -s "))
        .anyMatch(c -> c.contains(" --summary --json "))
        .anyMatch(c -> c.contains(" --candidate "))
        .anyMatch(c -> c.contains(" --html "))
        .anyMatch(c -> c.startsWith("./subfilter check ") && c.contains(" --samples "))
        .anyMatch(c -> c.startsWith("./subfilter stats "));
  }
}
