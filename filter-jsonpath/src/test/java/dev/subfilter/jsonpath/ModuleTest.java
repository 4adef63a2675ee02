package dev.subfilter.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public surface: only {@code dev.subfilter.jsonpath} is exported. */
class ModuleTest {
  @Test
  void moduleDescriptor_exportsOnlyTheApiPackage() throws Exception {
    Path classes = Path.of(JsonPathAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor d = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    assertThat(d.name()).isEqualTo("dev.subfilter.jsonpath");
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("dev.subfilter.jsonpath");
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "dev.subfilter.jackson", "json.path");
  }

  @Test
  void publicTypes_areTheAdapterItsBuilderAndTheException() throws Exception {
    Path classes = Path.of(JsonPathAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var files = java.nio.file.Files.list(classes.resolve("dev/subfilter/jsonpath"))) {
      var publicTypes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
          .map(n -> n.substring(0, n.length() - 6)).filter(n -> {
            try {
              return accessible(Class.forName("dev.subfilter.jsonpath." + n));
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException(e);
            }
          }).collect(Collectors.toSet());
      assertThat(publicTypes).containsExactlyInAnyOrder("JsonPathAdapter", "JsonPathAdapter$Builder", "InvalidMappingException");
    }
  }

  /** Public, and so is every type it is nested in. */
  private static boolean accessible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!java.lang.reflect.Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
