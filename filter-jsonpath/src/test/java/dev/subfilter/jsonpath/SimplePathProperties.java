package dev.subfilter.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import dev.subfilter.Limits;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link SimplePath} (the direct walk of definite name/index paths) answers exactly as Jayway
 * evaluates the same path on the same tree, JSON null and nothing both read as missing.
 */
class SimplePathProperties {
  private static final Json JSON = new Json(Limits.DEFAULTS);
  private static final List<String> NAMES = List.of("a", "b", "id", "issue", "x y", "0", "é");

  @Provide
  Arbitrary<JsonNode> trees() {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().alpha().ofMaxLength(3).map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
        Arbitraries.integers().between(-5, 5).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
        Arbitraries.just(JsonNodeFactory.instance.nullNode()),
        Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)));
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        Arbitraries.maps(Arbitraries.of(NAMES), inner).ofMaxSize(4).map(m -> {
          ObjectNode o = JsonNodeFactory.instance.objectNode();
          m.forEach(o::set);
          return (JsonNode) o;
        }),
        inner.list().ofMaxSize(3).map(l -> {
          ArrayNode a = JsonNodeFactory.instance.arrayNode();
          l.forEach(a::add);
          return (JsonNode) a;
        })), 0, 4);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> step = Arbitraries.oneOf(
        Arbitraries.of(NAMES).filter(n -> n.matches("[a-z]+")).map(n -> "." + n),
        Arbitraries.of(NAMES).map(n -> "['" + n + "']"),
        Arbitraries.integers().between(-3, 3).map(i -> "[" + i + "]"));
    return step.list().ofMinSize(0).ofMaxSize(4).map(steps -> "$" + String.join("", steps));
  }

  @Property(tries = 1000)
  void simplePath_readsAsJayway(@ForAll("trees") JsonNode tree, @ForAll("paths") String path) {
    JsonPath compiled = JsonPath.compile(path);
    SimplePath simple = SimplePath.of(compiled.getPath());
    assertThat(compiled.isDefinite()).isTrue();
    assertThat(simple).as("a simple path for " + compiled.getPath()).isNotNull();
    Object viaJayway = compiled.read(tree, JSON.jsonPath);
    JsonNode jayway = viaJayway == null || ((JsonNode) viaJayway).isNull() ? null : (JsonNode) viaJayway;
    JsonNode direct = simple.read(tree);
    direct = direct == null || direct.isNull() ? null : direct;
    Statistics.label("found").collect(jayway != null);
    Statistics.label("found").coverage(c -> {
      c.check(true).percentage(p -> p > 10);
      c.check(false).percentage(p -> p > 10);
    });
    assertThat(direct).isEqualTo(jayway);
  }

  @Property(tries = 200)
  void otherPaths_areLeftToJayway(@ForAll("pathsOfOtherKinds") String path) {
    assertThat(SimplePath.of(JsonPath.compile(path).getPath())).isNull();
  }

  @Provide
  Arbitrary<String> pathsOfOtherKinds() {
    return Combinators.combine(Arbitraries.of("$", "$.a", "$['b'][0]"),
        Arbitraries.of("[*]", "..id", "[?(@.id)]", "[0:2]", "['a','b']", ".length()", "[0,1]", "['it\\'s']"))
        .as((prefix, step) -> prefix + step);
  }
}
