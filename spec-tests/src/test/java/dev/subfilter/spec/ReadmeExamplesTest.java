package dev.subfilter.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionParser;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, verbatim between the marked lines, so the README cannot drift. */
class ReadmeExamplesTest {
  private final List<String> notified = new ArrayList<>();

  private void notifyTeam(String id) {
    notified.add(id);
  }

  @Test
  void quickStart_completedTask_notifies() {
    byte[] body = """
        {"eventType": "UPDATE", "newState": {"objCode": "TASK", "ID": "t1", "status": "CPL"},
         "oldState": {"objCode": "TASK", "ID": "t1", "status": "INP"}}""".getBytes(StandardCharsets.UTF_8);
    // --- README quick start
    SubfilterJson json = SubfilterJson.create();              // extended mode, default limits; share it
    CompiledSubscription tasksDone = json.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE",
         "filters": [{"fieldName": "status", "fieldValue": "CPL"},
                     {"fieldName": "status", "comparison": "changed"}]}
        """).compile();                                        // compile once; thread-safe
    Event event = json.readWorkfrontEvent(body);              // body: the webhook's bytes
    if (tasksDone.matches(event)) {
      notifyTeam(event.objId());
    }
    // ---
    assertThat(notified).containsExactly("t1");
  }

  @Test
  void withoutJackson_mapStates_match() {
    Map<String, Object> subscriptionMap = Map.of("objCode", "TASK", "eventType", "UPDATE",
        "filters", List.of(Map.of("fieldName", "status", "comparison", "changed")));
    Map<String, Object> newStateMap = Map.of("objCode", "TASK", "ID", "t1", "status", "CPL");
    Map<String, Object> oldStateMap = Map.of("objCode", "TASK", "ID", "t1", "status", "INP");
    // --- README without Jackson
    Subscription s = SubscriptionParser.extended().parse(JsonValue.fromJava(subscriptionMap));
    Event e = Event.workfront(JsonModel.JAVA, "UPDATE", newStateMap, oldStateMap).build();
    boolean hit = s.compile().matches(e);
    // ---
    assertThat(hit).isTrue();
  }
}
