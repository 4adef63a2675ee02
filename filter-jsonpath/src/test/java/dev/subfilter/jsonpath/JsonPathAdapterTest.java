package dev.subfilter.jsonpath;

import static dev.subfilter.jsonpath.Examples.event;
import static dev.subfilter.jsonpath.Examples.headers;
import static dev.subfilter.jsonpath.Examples.tree;
import static dev.subfilter.jsonpath.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Limits;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value kinds and modifiers of the mapping format, and what reading a body with them does. */
class JsonPathAdapterTest {
  private static JsonPathAdapter mapping(String parts) {
    return JsonPathAdapter.from("{\"source\": \"acme\", " + parts + "}");
  }

  private static final String BASE = "\"objCode\": {\"const\": \"TICKET\"}, \"eventType\": {\"const\": \"UPDATE\"}, \"newState\": {\"path\": \"$.ticket\"}";

  private static Event read(JsonPathAdapter a, String body, String... headers) {
    return event(a.read(utf8(body), headers(headers)));
  }

  @Test
  void template_joinsHeadersAndPaths_missingWhenAPieceIs() {
    JsonPathAdapter a = mapping(BASE + ", \"name\": {\"template\": \"{header:X-Kind}.{$.action}{{!}}\"}");
    assertThat(read(a, "{\"ticket\": {}, \"action\": \"moved\"}", "x-kind", "ticket").name()).isEqualTo("ticket.moved{!}");
    assertThat(read(a, "{\"ticket\": {}, \"action\": 7}", "X-Kind", "t").name()).isEqualTo("t.7{!}");
    assertThat(read(a, "{\"ticket\": {}}", "X-Kind", "t").name()).isEqualTo("UPDATE"); // missing: the eventType
    assertThat(read(a, "{\"ticket\": {}, \"action\": {\"o\": 1}}", "X-Kind", "t").name()).isEqualTo("UPDATE");
  }

  @Test
  void firstOf_switch_regex_case_map_default() {
    JsonPathAdapter a = mapping("""
        "objCode": {"firstOf": [{"path": "$.kind", "case": "upper"}, {"path": "$.type", "regex": "^([a-z]+)\\\\.", "case": "upper"}]},
        "eventType": {"path": "$.type", "regex": "[a-z]+$", "map": {"created": "CREATE", "removed": "DELETE"}, "default": "UPDATE"},
        "newState": {"switch": {"path": "$.type", "regex": "^([a-z]+)"}, "cases": {"ticket": {"path": "$.ticket"}, "user": {"path": "$.user"}}},
        "objId": {"path": "$.ticket.id"}""");
    Event e = read(a, "{\"type\": \"ticket.created\", \"ticket\": {\"id\": 12.50}}");
    assertThat(e.objCode()).isEqualTo("TICKET");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.objId()).isEqualTo("12.5");
    assertThat(read(a, "{\"kind\": \"note\", \"type\": \"ticket.touched\", \"ticket\": {}}").objCode()).isEqualTo("NOTE");
    assertThat(read(a, "{\"type\": \"ticket.touched\", \"ticket\": {}}").eventType()).isEqualTo("UPDATE");
    assertThat(read(a, "{\"type\": \"user.removed\", \"user\": {\"n\": 1}}").eventType()).isEqualTo("DELETE");
    assertThatThrownBy(() -> read(a, "{\"type\": \"group.created\"}"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: (root): newState: the case of $.type among [ticket, user] gives nothing; the new state is an object");
  }

  @Test
  void requiredParts_invalidWithWhereTheyWereLooked() {
    JsonPathAdapter a = mapping("\"objCode\": {\"path\": \"$.meta.kind\"}, \"eventType\": {\"path\": \"$.meta.type\"}, \"newState\": {\"path\": \"$.ticket\"}");
    assertThatThrownBy(() -> read(a, "{\"meta\": {\"type\": \"UPDATE\"}, \"ticket\": {}}"))
        .hasMessage("invalid event: /meta/kind: objCode: $.meta.kind gives nothing; the event needs its objCode");
    assertThatThrownBy(() -> read(a, "{\"meta\": {\"kind\": [1], \"type\": \"UPDATE\"}, \"ticket\": {}}"))
        .hasMessage("invalid event: /meta/kind: objCode: $.meta.kind gives an array; expected a string or a number");
    assertThatThrownBy(() -> read(a, "{\"meta\": {\"kind\": \"T\", \"type\": \"opened\"}, \"ticket\": {}}"))
        .hasMessage("invalid event: /meta/type: eventType: $.meta.type gives \"opened\", not CREATE, UPDATE or DELETE; map the vendor's values with the mapping's map and default");
    assertThatThrownBy(() -> read(a, "{\"meta\": {\"kind\": \"T\", \"type\": \"UPDATE\"}, \"ticket\": \"t1\"}"))
        .hasMessage("invalid event: /ticket: newState: $.ticket gives the string \"t1\"; the new state is an object");
    assertThatThrownBy(() -> read(a, "{\"meta\": "))
        .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("invalid event: (root): not valid JSON: ");
    assertThatThrownBy(() -> read(a, "{\"meta\": {}, \"meta\": {}}")).hasMessageContaining("Duplicate field 'meta'");
  }

  @Test
  void oldState_createIsEmpty_otherwiseMappedOrUnknown() {
    JsonPathAdapter a = mapping("\"objCode\": {\"const\": \"T\"}, \"eventType\": {\"path\": \"$.type\"}, \"newState\": {\"path\": \"$.now\"},"
        + " \"oldState\": {\"path\": \"$.before\"}");
    assertThat(tree(read(a, "{\"type\": \"CREATE\", \"now\": {\"a\": 1}, \"before\": {\"a\": 0}}").oldState())).isEmpty();
    assertThat(tree(read(a, "{\"type\": \"UPDATE\", \"now\": {\"a\": 1}, \"before\": {\"a\": 0}}").oldState()).get("a").intValue()).isZero();
    assertThat(read(a, "{\"type\": \"UPDATE\", \"now\": {\"a\": 1}}").hasOldState()).isFalse();
    assertThat(read(a, "{\"type\": \"DELETE\", \"now\": {\"a\": 1}, \"before\": null}").hasOldState()).isFalse();
    assertThatThrownBy(() -> read(a, "{\"type\": \"UPDATE\", \"now\": {}, \"before\": [1]}")).hasMessageContaining("an old state is an object");
  }

  @Test
  void changes_nestedChangeRecordsDescend() {
    JsonPathAdapter a = mapping(BASE + ", \"oldState\": {\"changes\": {\"path\": \"$.changes\"}, \"from\": \"from\"}");
    Event e = read(a, """
        {"ticket": {"title": "new", "base": {"ref": "main", "sha": "b"}, "n": 1},
         "changes": {"title": {"from": "old"}, "base": {"ref": {"from": "dev"}}, "junk": 3, "added": {"from": null}}}""");
    assertThat(tree(e.oldState())).isEqualTo(Examples.parse("""
        {"title": "old", "base": {"ref": "dev", "sha": "b"}, "n": 1, "added": null}"""));
    assertThat(tree(e.newState()).at("/base/ref").textValue()).isEqualTo("main"); // the new state is not touched
  }

  @Test
  void changeList_setsEachItemsField() {
    JsonPathAdapter a = mapping(BASE + ", \"oldState\": {\"changeList\": {\"path\": \"$.log\"}, \"field\": [\"id\", \"name\"], \"from\": \"was\"}");
    Event e = read(a, """
        {"ticket": {"status": "done", "size": 3, "owner": "ann"},
         "log": [{"id": "status", "name": "Status", "was": "open"}, {"name": "size", "was": 2}, {"name": "owner"}, {"was": 1}]}""");
    assertThat(tree(e.oldState())).isEqualTo(Examples.parse("{\"status\": \"open\", \"size\": 2, \"owner\": null}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "iso-8601 | \"2019-05-15T15:20:33Z\" | 2019-05-15T15:20:33Z",
      "iso-8601 | \"2017-01-30T18:32:14.716+0100\" | 2017-01-30T17:32:14.716Z",
      "iso-8601 | \"2011-12-12T14:27:31+02:00\" | 2011-12-12T12:27:31Z",
      "iso-8601 | \"2017-09-15 16:50:55 UTC\" | 2017-09-15T16:50:55Z",
      "iso-8601 | \"2022-11-03T20:26:10.344522Z\" | 2022-11-03T20:26:10.344522Z",
      "epoch-seconds | 1544075636 | 2018-12-06T05:53:56Z",
      "epoch-seconds | \"1544075636.5\" | 2018-12-06T05:53:56.500Z",
      "epoch-millis | 1485797534721 | 2017-01-30T17:32:14.721Z"})
  void eventTime_formats(String format, String value, String instant) {
    JsonPathAdapter a = mapping(BASE + ", \"eventTime\": {\"path\": \"$.t\", \"format\": \"" + format + "\"}");
    assertThat(read(a, "{\"ticket\": {}, \"t\": " + value + "}").eventTime()).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "iso-8601 | \"2019-05-15T15:20:33\"", "iso-8601 | \"yesterday\"", "iso-8601 | 1544075636",
      "epoch-seconds | \"soon\"", "epoch-seconds | 1e400", "epoch-millis | true"})
  void eventTime_unreadable_isInvalid(String format, String value) {
    JsonPathAdapter a = mapping(BASE + ", \"eventTime\": {\"path\": \"$.t\", \"format\": \"" + format + "\"}");
    assertThatThrownBy(() -> read(a, "{\"ticket\": {}, \"t\": " + value + "}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/t: eventTime: $.t gives").hasMessageContaining("not an " + format + " time");
  }

  @Test
  void indefinitePaths_giveTheArrayOfMatches() {
    JsonPathAdapter a = mapping("\"objCode\": {\"const\": \"T\"}, \"eventType\": {\"const\": \"UPDATE\"},"
        + " \"newState\": {\"path\": \"$.items[?(@.kind == 'ticket')]\"}, \"objId\": {\"path\": \"$.ids.length()\"}");
    assertThatThrownBy(() -> read(a, "{\"items\": [{\"kind\": \"ticket\"}], \"ids\": [1, 2]}")).hasMessageContaining("gives an array");
    JsonPathAdapter b = mapping(BASE + ", \"objId\": {\"path\": \"$.ids.length()\"}, \"deliveryId\": {\"path\": \"$..ref\"}");
    assertThat(read(b, "{\"ticket\": {}, \"ids\": [1, 2, 3]}").objId()).isEqualTo("3");
    assertThat(read(b, "{\"ticket\": {}}").deliveryId()).isNull(); // no match: missing
  }

  @Test
  void limits_applyToBodies() {
    JsonPathAdapter a = JsonPathAdapter.builder().mapping("{\"source\": \"acme\", " + BASE + "}")
        .limits(Limits.DEFAULTS.withMaxJsonDepth(3)).build();
    assertThatThrownBy(() -> read(a, "{\"ticket\": {\"a\": {\"b\": {\"c\": 1}}}}"))
        .hasMessageContaining("JSON nested deeper than 3 levels; raise Limits.maxJsonDepth");
  }

  @Test
  void environmentSecret_unsetOrEmpty_meansNoVerification() {
    String m = "{\"source\": \"acme\", " + BASE + ", \"verify\": {\"token\": {\"header\": \"X-Token\"}, \"secretEnv\": [\"A\", \"B\"]}}";
    assertThat(JsonPathAdapter.builder().mapping(m).environment(Map.of("A", "")::get).build().verifies()).isFalse();
    JsonPathAdapter second = JsonPathAdapter.builder().mapping(m).environment(Map.of("B", "tok")::get).build();
    assertThat(second.verifies()).isTrue();
    assertThat(read(second, "{\"ticket\": {}}", "X-Token", "tok").objCode()).isEqualTo("TICKET");
  }

  @Test
  void builder_withoutMapping_isAnError() {
    assertThatThrownBy(() -> JsonPathAdapter.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonPathAdapter.builder().secret("")).isInstanceOf(IllegalArgumentException.class);
  }
}
