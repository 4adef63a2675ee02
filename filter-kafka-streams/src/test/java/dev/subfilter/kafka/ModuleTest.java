package dev.subfilter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public surface: only {@code dev.subfilter.kafka} is exported; the runnable entry point's package is not. */
class ModuleTest {
  @Test
  void moduleDescriptor_exportsOnlyTheRouterPackage() throws Exception {
    Path classes = Path.of(SubfilterRouter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor d = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    assertThat(d.name()).isEqualTo("dev.subfilter.kafka");
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("dev.subfilter.kafka");
    assertThat(d.packages()).containsExactlyInAnyOrder("dev.subfilter.kafka", "dev.subfilter.kafka.app");
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "dev.subfilter.jackson", "kafka.streams", "kafka.clients", "org.slf4j");
  }
}
