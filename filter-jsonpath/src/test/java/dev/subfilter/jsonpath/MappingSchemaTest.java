package dev.subfilter.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published JSON Schema ({@link JsonPathAdapter#mappingSchema()}) and the reader agree: the
 * shipped mappings meet both, and each broken mapping below fails both. What only the reader can
 * check (JSONPath and regex syntax, template placeholders, eventType constants) is pinned apart.
 */
class MappingSchemaTest {
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(JsonPathAdapter.mappingSchema(), InputFormat.JSON);

  private static List<Error> schemaErrors(String mapping) {
    return SCHEMA.validate(mapping, InputFormat.JSON);
  }

  private static boolean readerAccepts(String mapping) {
    try {
      JsonPathAdapter.builder().mapping(mapping).environment(n -> null).build();
      return true;
    } catch (InvalidMappingException e) {
      return false;
    }
  }

  @Test
  void shippedMappings_meetTheSchemaAndTheReader() {
    for (String name : JsonPathAdapter.shippedNames()) {
      String m = JsonPathAdapter.shippedMapping(name);
      assertThat(schemaErrors(m)).as(name).isEmpty();
      assertThat(readerAccepts(m)).as(name).isTrue();
    }
  }

  private static String github(Consumer<ObjectNode> change) {
    ObjectNode m = (ObjectNode) Examples.parse(JsonPathAdapter.shippedMapping("github"));
    change.accept(m);
    return m.toString();
  }

  private static ObjectNode obj(JsonNode n) {
    return (ObjectNode) n;
  }

  @TestFactory
  Stream<DynamicTest> brokenMappings_failTheSchemaAndTheReader() {
    List<Object[]> cases = List.of(
        new Object[] {"no source", (Consumer<ObjectNode>) m -> m.remove("source")},
        new Object[] {"source with capitals", (Consumer<ObjectNode>) m -> m.put("source", "GitHub")},
        new Object[] {"no newState", (Consumer<ObjectNode>) m -> m.remove("newState")},
        new Object[] {"unknown top-level key", (Consumer<ObjectNode>) m -> m.put("objcode", "x")},
        new Object[] {"value not an object", (Consumer<ObjectNode>) m -> m.put("objId", "$.issue.id")},
        new Object[] {"two sources", (Consumer<ObjectNode>) m -> obj(m.get("deliveryId")).put("path", "$.id")},
        new Object[] {"no source", (Consumer<ObjectNode>) m -> m.putObject("objId").put("case", "upper")},
        new Object[] {"unknown value key", (Consumer<ObjectNode>) m -> obj(m.get("objCode")).put("upper", true)},
        new Object[] {"path not starting with $", (Consumer<ObjectNode>) m -> m.putObject("objId").put("path", "issue.id")},
        new Object[] {"bad case", (Consumer<ObjectNode>) m -> obj(m.get("objCode")).put("case", "title")},
        new Object[] {"empty map", (Consumer<ObjectNode>) m -> obj(m.get("eventType")).putObject("map")},
        new Object[] {"null default", (Consumer<ObjectNode>) m -> obj(m.get("eventType")).putNull("default")},
        new Object[] {"empty firstOf", (Consumer<ObjectNode>) m -> obj(m.get("name")).putArray("firstOf")},
        new Object[] {"switch without cases", (Consumer<ObjectNode>) m -> obj(m.get("objId")).remove("cases")},
        new Object[] {"changes outside oldState", (Consumer<ObjectNode>) m -> m.putObject("newState").putObject("changes").put("path", "$.changes")},
        new Object[] {"changeList without from", (Consumer<ObjectNode>) m -> m.putObject("oldState").put("field", "field").putObject("changeList").put("path", "$.c")},
        new Object[] {"format outside eventTime", (Consumer<ObjectNode>) m -> obj(m.get("deliveryId")).put("format", "iso-8601")},
        new Object[] {"unknown time format", (Consumer<ObjectNode>) m -> obj(m.get("eventTime")).put("format", "rfc-2822")},
        new Object[] {"header with a space", (Consumer<ObjectNode>) m -> m.putObject("deliveryId").put("header", "X GitHub")},
        new Object[] {"verify with hmac and token", (Consumer<ObjectNode>) m -> obj(m.get("verify")).putObject("token").put("header", "X-Token")},
        new Object[] {"verify without a check", (Consumer<ObjectNode>) m -> obj(m.get("verify")).remove("hmac")},
        new Object[] {"md5", (Consumer<ObjectNode>) m -> obj(m.at("/verify/hmac")).put("algorithm", "md5")},
        new Object[] {"no signature header", (Consumer<ObjectNode>) m -> obj(m.at("/verify/hmac")).remove("header")},
        new Object[] {"tolerance without timestamp", (Consumer<ObjectNode>) m -> obj(m.at("/verify/hmac")).put("tolerance", 300)},
        new Object[] {"tolerance of zero", (Consumer<ObjectNode>) m -> obj(m.at("/verify/hmac")).put("tolerance", 0).putObject("timestamp").put("header", "X-T")},
        new Object[] {"timestamp with two places", (Consumer<ObjectNode>) m -> obj(m.at("/verify/hmac")).putObject("timestamp").put("header", "X-T").put("entry", "t=")},
        new Object[] {"bad secretEnv", (Consumer<ObjectNode>) m -> obj(m.get("verify")).put("secretEnv", "GITHUB-SECRET")},
        new Object[] {"bad secretEncoding", (Consumer<ObjectNode>) m -> obj(m.get("verify")).put("secretEncoding", "hex")});
    return cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
      @SuppressWarnings("unchecked")
      String broken = github((Consumer<ObjectNode>) c[1]);
      assertThat(schemaErrors(broken)).as("schema errors").isNotEmpty();
      assertThat(readerAccepts(broken)).as("the reader accepts it").isFalse();
    }));
  }

  @Test
  void readerOnlyChecks_passTheSchema_failTheReader() {
    for (Consumer<ObjectNode> change : List.<Consumer<ObjectNode>>of(
        m -> m.putObject("objId").put("path", "$.a[?("),
        m -> obj(m.get("objCode")).put("regex", "("),
        m -> m.putObject("name").put("template", "{nope}"),
        m -> obj(m.get("eventType")).put("default", "MODIFY"),
        m -> obj(m.at("/verify/hmac")).put("signed", "{header:X-Id}"))) {
      String m = github(change);
      assertThat(schemaErrors(m)).isEmpty();
      assertThat(readerAccepts(m)).isFalse();
    }
  }

  @Test
  void schema_isItselfReadable_andNamesItsDialect() {
    assertThat(Examples.parse(JsonPathAdapter.mappingSchema()).get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThatCode(() -> JsonPathAdapter.from(github(m -> m.put("$schema", "mapping.schema.json")))).doesNotThrowAnyException();
    assertThatThrownBy(() -> JsonPathAdapter.from(github(m -> m.put("$schema", 1)))).isInstanceOf(InvalidMappingException.class);
  }
}
