package dev.subfilter.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.JsonValues;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Extended operators" section by example: its subscription matches the event its
 * text describes, and every value of its table holds (or not) as the table says.
 */
class ReadmeExtendedOperatorsTest {
  private static final SubfilterJson JSON = SubfilterJson.create();

  private static String section() throws Exception {
    String readme = Files.readString(Path.of("").toAbsolutePath().resolveSibling("README.md"));
    int start = readme.indexOf("### Extended operators");
    assertThat(start).as("the README's Extended operators section").isPositive();
    return readme.substring(start, readme.indexOf("\n## ", start));
  }

  private static Event task(Map<String, Object> newState) {
    Map<String, Object> n = new HashMap<>(newState);
    n.put("objCode", "TASK");
    return Event.workfront(JsonModel.JAVA, "UPDATE", n, Map.of("objCode", "TASK")).build();
  }

  @Test
  void example_matchesTheTaskItDescribes() throws Exception {
    String s = section();
    String json = s.substring(s.indexOf("```json") + 7, s.indexOf("```", s.indexOf("```json") + 7));
    CompiledSubscription c = JSON.readSubscription(json).compile();
    Map<String, Object> described = Map.of("name", "Design review #2", "parameterValues", Map.of("DE:Region", "EMEA"),
        "status", "INP", "ownerID", "u1");
    assertThat(c.matches(task(described))).isTrue();
    Map<String, Object> owner = new HashMap<>(described);
    owner.put("ownerID", "u7");
    assertThat(c.matches(task(owner))).as("owner u7").isFalse();
    owner.remove("ownerID");
    assertThat(c.matches(task(owner))).as("no owner").isFalse();
    Map<String, Object> third = new HashMap<>(described);
    third.put("name", "DESIGN review #3");
    assertThat(c.matches(task(third))).as("#3").isFalse();
  }

  private static JsonValue json(String text) throws Exception {
    return JsonValues.fromJackson(SubfilterJson.objectMapper(Limits.DEFAULTS, false).readTree(text));
  }

  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  private static List<String> code(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void table_everyValue_holdsOrNotAsWritten() throws Exception {
    int checked = 0;
    for (String line : section().split("\n")) {
      String[] cells = line.split(" \\| ");
      if (!line.startsWith("| `") || cells.length != 4) {
        continue;
      }
      Operator op = Operator.fromToken(code(cells[0]).get(0));
      boolean ignoreCase = cells[0].contains("ignoreCase");
      JsonValue value = json(code(cells[1]).get(0));
      Filter.Condition c = Filter.Condition.of("f", op, value, State.NEW_STATE, ignoreCase);
      CompiledSubscription s = Subscription.of("TASK", "UPDATE", c).compile();
      for (int column = 2; column <= 3; column++) {
        boolean holds = column == 2;
        List<String> values = code(cells[column]);
        if (cells[column].contains("absent")) {
          assertThat(s.matches(task(Map.of()))).as("%s on an absent field", line).isEqualTo(holds);
          checked++;
        }
        for (String v : values) {
          Map<String, Object> state = new HashMap<>();
          state.put("f", json(v).toJava());
          assertThat(s.matches(task(state))).as("%s on %s", line, v).isEqualTo(holds);
          checked++;
        }
      }
    }
    assertThat(checked).as("values checked").isGreaterThan(30);
  }
}
