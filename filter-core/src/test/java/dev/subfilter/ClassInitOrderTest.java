package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonModel#JAVA} is set whichever class a program touches first: in a class loader of its
 * own (so no other test has initialised anything), {@code JsonValue.fromJava(5)} first, which
 * initialises {@code JavaJsonModel} before {@code JsonModel}. It once left {@code JAVA} null for
 * the life of the JVM (a cycle of static initialisers).
 */
class ClassInitOrderTest {
  private static Object javaModelAfter(String firstClass, String firstMethod, Class<?> argType, Object arg) throws Exception {
    URL classes = Path.of(JsonModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> first = Class.forName(firstClass, true, fresh);
      if (firstMethod != null) {
        first.getMethod(firstMethod, argType).invoke(null, arg);
      }
      Class<?> model = Class.forName("dev.subfilter.JsonModel", true, fresh);
      assertThat(model.getClassLoader()).isSameAs(fresh);
      return model.getField("JAVA").get(null);
    }
  }

  @Test
  void javaModel_afterJsonValueFromJavaOfANumberFirst_isSet() throws Exception {
    assertThat(javaModelAfter("dev.subfilter.JsonValue", "fromJava", Object.class, 5)).isNotNull();
  }

  @Test
  void javaModel_afterJsonValueFromJavaOfAStringFirst_isSet() throws Exception {
    assertThat(javaModelAfter("dev.subfilter.JsonValue", "fromJava", Object.class, "a")).isNotNull();
  }

  @Test
  void javaModel_afterJsonModelFirst_isSet() throws Exception {
    assertThat(javaModelAfter("dev.subfilter.JsonModel", null, null, null)).isNotNull();
  }
}
