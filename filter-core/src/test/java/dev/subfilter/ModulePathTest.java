package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module boundary as a consumer meets it: a module that requires {@code dev.subfilter.core}
 * compiles and runs against the API, and can reach {@code dev.subfilter.internal} neither at
 * compile time nor by reflection. Compiles small consumer modules with the JDK's compiler and runs
 * one in its own JVM on the module path (the tests themselves run on the class path).
 */
class ModulePathTest {
  private static Path coreClasses() throws Exception {
    return Path.of(CompiledSubscription.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Compiles a module {@code consumer} holding {@code consumer.Main} with {@code body}; the compiler's output, and whether it succeeded. */
  private static Compiled compile(Path dir, String body) throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), "module consumer { requires dev.subfilter.core; }\n");
    Files.writeString(src.resolve("consumer/Main.java"), "package consumer;\n" + body);
    Path out = dir.resolve("out");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, null, err, "--module-path", coreClasses().toString(), "-d", out.toString(),
        src.resolve("module-info.java").toString(), src.resolve("consumer/Main.java").toString());
    return new Compiled(rc == 0, err.toString(StandardCharsets.UTF_8), out);
  }

  private record Compiled(boolean ok, String diagnostics, Path out) {}

  private static String run(Compiled c) throws Exception {
    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(launcher.toString(), "--module-path", coreClasses() + java.io.File.pathSeparator + c.out(),
        "-m", "consumer/consumer.Main").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the consumer ends").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void consumerModule_usesTheApi_andReflectionIntoInternalsIsDenied(@TempDir Path dir) throws Exception {
    Compiled c = compile(dir, """
        import dev.subfilter.*;
        import java.util.*;
        public class Main {
          public static void main(String[] args) throws Exception {
            Subscription s = SubscriptionParser.extended().parse(JsonValue.fromJava(Map.of(
                "objCode", "TASK", "eventType", "UPDATE",
                "filters", List.of(Map.of("fieldName", "status", "fieldValue", "CPL")))));
            Event e = Event.workfront(JsonModel.JAVA, "UPDATE", Map.of("objCode", "TASK", "status", "CPL"), Map.of()).build();
            SubscriptionSet set = new SubscriptionSet();
            set.add("done", s.compile());
            System.out.println("matched " + set.match(e));
            Class<?> plan = Class.forName("dev.subfilter.internal.Plan");
            try {
              plan.getMethod("of", Subscription.class).invoke(null, s);
              System.out.println("internal reached");
            } catch (IllegalAccessException denied) {
              System.out.println("internal denied");
            }
          }
        }
        """);
    assertThat(c.ok()).as(c.diagnostics()).isTrue();
    assertThat(run(c)).contains("matched [done]").contains("internal denied").doesNotContain("internal reached");
  }

  @Test
  void consumerModule_importingInternals_doesNotCompile(@TempDir Path dir) throws Exception {
    Compiled c = compile(dir, """
        import dev.subfilter.internal.Plan;
        public class Main {
          public static void main(String[] args) {
            System.out.println(Plan.class);
          }
        }
        """);
    assertThat(c.ok()).isFalse();
    assertThat(c.diagnostics()).contains("package dev.subfilter.internal").contains("not visible");
  }

  @Test
  void internals_publicOnlyWhereTheApiNeedsThem() throws IOException {
    Path internal = Path.of("src/main/java/dev/subfilter/internal");
    List<String> open;
    try (var files = Files.list(internal)) {
      open = files.filter(f -> {
        try {
          return Files.readString(f).lines().anyMatch(l -> l.matches("public (final |abstract )?(class|interface|enum|record) .*"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(open).as("public top-level types of dev.subfilter.internal: each says why it must be")
        .containsExactly("Numbers.java", "Plan.java", "SubscriptionIndex.java");
  }
}
