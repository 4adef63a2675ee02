package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public surface: only {@code dev.subfilter} is exported, never the internals. */
class ModuleTest {
  @Test
  void moduleDescriptor_exportsOnlyTheApiPackage() throws Exception {
    Path classes = Path.of(CompiledSubscription.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor d = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    assertThat(d.name()).isEqualTo("dev.subfilter.core");
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("dev.subfilter");
    assertThat(d.packages()).contains("dev.subfilter.internal");
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactly("java.base");
  }
}
