package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SubfilterJsonTest {
  private static final SubfilterJson JSON = SubfilterJson.create();

  private static final String UPDATE = """
      {"eventType": "UPDATE", "subscriptionId": "s1", "eventTime": {"nano": 998000000, "epochSecond": 1507319336},
       "newState": {"ID": "p1", "objCode": "PROJ", "name": "again", "status": "CUR"},
       "oldState": {"ID": "p1", "objCode": "PROJ", "name": "before", "status": "CUR"}}""";

  @Test
  void readSubscriptionLenient_seedNestedExample_parses() {
    String seed = """
        {
            "objCode": "RECORD",
            "eventType": "UPDATE",
            "authToken": "token",
            "url": "https://domain-for-subscription.com/API/endpoint/UpdatedRecords",
            // pasted from the docs
            "filters": [
                {"fieldName": "data", "fieldValue": {"fields": {"customerID": "customer1234"}}, "comparison": "eq", "state": "newState"},
                {"fieldName": "options", "fieldValue": {"objects": {"projectID": "project1234"}}, "comparison": "contains", "state": "newState"},
            ],
            filterConnector: 'AND'
        }""";
    Subscription s = JSON.readSubscriptionLenient(seed);
    assertThat(s.filters()).hasSize(2);
    assertThatThrownBy(() -> JSON.readSubscription(seed)).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageStartingWith("invalid subscription: (root): not valid JSON:").hasMessageContaining("line 6");
  }

  @Test
  void readWorkfrontEvent_update_derivesGateAndTime() {
    Event e = JSON.readWorkfrontEvent(UPDATE);
    assertThat(e.objCode()).isEqualTo("PROJ");
    assertThat(e.objId()).isEqualTo("p1");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.name()).isEqualTo("UPDATE");
    assertThat(e.source()).isEqualTo("workfront");
    assertThat(e.eventTime()).isEqualTo(Instant.ofEpochSecond(1507319336, 998000000));
    assertThat(JSON.readSubscription("{\"objCode\":\"PROJ\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"name\",\"comparison\":\"changed\"}]}")
        .compile().matches(e)).isTrue();
  }

  @Test
  void readWorkfrontEvent_base64States_decodedWithOrWithoutPaddingAndLineBreaks() {
    String state = "{\"ID\": \"t1\", \"objCode\": \"TASK\", \"name\": \"x\"}";
    String b64 = Base64.getEncoder().encodeToString(state.getBytes(StandardCharsets.UTF_8));
    String unpadded = b64.replace("=", "");
    String wrapped = b64.substring(0, 10) + "\r\n" + b64.substring(10);
    for (String enc : new String[] {b64, unpadded, wrapped}) {
      Event e = JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":\"" + enc.replace("\r\n", "\\r\\n") + "\",\"oldState\":{}}");
      assertThat(e.objId()).isEqualTo("t1");
    }
  }

  @Test
  void readWorkfrontEvent_badStates_pointAtTheMember() {
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":\"***\"}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/newState: a string state must be base64");
    String notObject = Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\"},\"oldState\":\"" + notObject + "\"}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/oldState: base64 state decodes to an array");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\"}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/newState: missing");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":5,\"newState\":{}}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/eventType: expected a string");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{}}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/newState/objCode: missing");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\"},\"eventTime\":{\"epochSecond\":\"x\"}}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/eventTime");
  }

  @Test
  void readWorkfrontEvent_missingOrNullOldState_isUnknown() {
    assertThat(JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\"}}").hasOldState()).isFalse();
    assertThat(JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\"},\"oldState\":null}").hasOldState()).isFalse();
    assertThat(JSON.readWorkfrontEvent("{\"eventType\":\"CREATE\",\"newState\":{\"objCode\":\"T\"},\"oldState\":{}}").hasOldState()).isTrue();
  }

  @Test
  void readWorkfrontEvent_deleteWithEmptyNewState_takesGateFromOldState() {
    Event e = JSON.readWorkfrontEvent("{\"eventType\":\"DELETE\",\"newState\":{},\"oldState\":{\"ID\":42,\"objCode\":\"TASK\"}}");
    assertThat(e.objCode()).isEqualTo("TASK");
    assertThat(e.objId()).isEqualTo("42");
  }

  @Test
  void read_duplicateKeysAndTrailingContent_areErrors() {
    assertThatThrownBy(() -> JSON.readSubscription("{\"objCode\":\"A\",\"objCode\":\"B\",\"eventType\":\"UPDATE\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("Duplicate field 'objCode'");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\"}} {}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> JSON.readSubscription("")).isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("empty input");
  }

  @Test
  void read_documentTooLong_namesMaxDocumentBytes() {
    SubfilterJson small = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS.withMaxDocumentBytes(100));
    String big = "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\",\"d\":\"" + "x".repeat(200) + "\"}}";
    assertThatThrownBy(() -> small.readWorkfrontEvent(big)).isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("document longer than 100 bytes; raise Limits.maxDocumentBytes");
    assertThatThrownBy(() -> small.readSubscription("{\"objCode\":\"" + "x".repeat(200) + "\",\"eventType\":\"UPDATE\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("raise Limits.maxDocumentBytes");
  }

  @Test
  void read_veryDeepNesting_namesMaxJsonDepthWithoutOverflow() {
    String deep = "[".repeat(200_000) + "]".repeat(200_000);
    String event = "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\",\"d\":" + deep + "}}";
    assertThatThrownBy(() -> JSON.readWorkfrontEvent(event)).isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("JSON nested deeper than 500 levels; raise Limits.maxJsonDepth");
    String sub = "{\"objCode\":\"T\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"d\",\"fieldValue\":" + deep + "}]}";
    assertThatThrownBy(() -> JSON.readSubscription(sub)).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("raise Limits.maxJsonDepth");
  }

  @Test
  void read_numbersBeyondRange_areInvalidNotCrashes() {
    assertThatThrownBy(() -> JSON.readSubscription("{\"objCode\":1e2147483648,\"eventType\":\"UPDATE\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("(root): a number out of range");
    assertThatThrownBy(() -> JSON.readWorkfrontEvent("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\",\"ID\":1e999999999}}"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/newState/ID: the number 1E+999999999 is longer than 1000 characters");
  }

  @Test
  void evaluate_handBuiltTreeWithInfinity_readsItAsAString() throws Exception {
    com.fasterxml.jackson.databind.JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"T\",\"n\":1e400},\"oldState\":{\"objCode\":\"T\",\"n\":1}}");
    Event e = JSON.readWorkfrontEvent(payload);
    assertThat(JSON.readSubscription("{\"objCode\":\"T\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":\"Infinity\"},"
        + "{\"fieldName\":\"n\",\"comparison\":\"changed\"},{\"fieldName\":\"n\",\"fieldValue\":1,\"comparison\":\"gt\"}]}").compile().matches(e)).isFalse();
    assertThat(JSON.readSubscription("{\"objCode\":\"T\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":\"Infinity\"},"
        + "{\"fieldName\":\"n\",\"comparison\":\"changed\"}]}").compile().matches(e)).isTrue();
  }

  @Test
  void writeSubscription_readAgain_isEqual() {
    Subscription s = JSON.readSubscription("""
        {"objCode":"TASK","eventType":"UPDATE","objId":5231,"url":"https://x","filters":[
          {"fieldName":"DE:Budget","fieldValue":1500.50,"comparison":"gte"},
          {"type":"group","connector":"OR","filters":[{"fieldName":"a","fieldValue":[1,"2"],"comparison":"containsOnly"},
            {"fieldName":"b","comparison":"notExists","state":"oldState"}]}]}""");
    assertThat(JSON.readSubscription(JSON.writeSubscription(s))).isEqualTo(s);
  }

  @Test
  void matchWorkfrontEvent_setChangesBetweenPayloads_readsTheKeysOfTheCurrentSubscriptions() {
    dev.subfilter.SubscriptionSet set = new dev.subfilter.SubscriptionSet();
    set.add("cpl", JSON.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "CPL"}]}""").compile());
    byte[] payload = """
        {"eventType": "UPDATE", "newState": {"objCode": "TASK", "ID": "t1", "status": "CPL", "name": "Ship it", "big": [1, 2, {"x": "y"}]},
         "oldState": {"objCode": "TASK", "ID": "t1", "status": "CUR", "name": "Ship it"}}""".getBytes(StandardCharsets.UTF_8);
    assertThat(JSON.matchWorkfrontEvent(set, payload)).containsExactly("cpl");

    set.add("name", JSON.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "name", "fieldValue": "Ship", "comparison": "contains"}]}""").compile());
    assertThat(JSON.matchWorkfrontEvent(set, payload)).as("name is now kept").containsExactly("cpl", "name");
    set.remove("cpl");
    assertThat(JSON.matchWorkfrontEvent(set, payload)).containsExactly("name");
    assertThatThrownBy(() -> JSON.matchWorkfrontEvent(set, "{\"eventType\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/eventType");
  }

  @Test
  void readAndMatchWorkfrontEvent_onePass_eventGateAndIdsOfTheTreeRead() {
    dev.subfilter.SubscriptionSet set = new dev.subfilter.SubscriptionSet();
    set.add("cpl", JSON.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "CPL"}]}""").compile());
    set.add("cur", JSON.readSubscription("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "CUR"}]}""").compile());
    byte[] payload = """
        {"eventType": "UPDATE", "newState": {"objCode": "TASK", "ID": "t1", "status": "CPL", "name": "Ship it", "big": [1, 2, {"x": "y"}]},
         "oldState": {"objCode": "TASK", "ID": "t1", "status": "CUR", "name": "Ship it"}}""".getBytes(StandardCharsets.UTF_8);
    SubfilterJson.WorkfrontMatch m = JSON.readAndMatchWorkfrontEvent(set, payload);
    Event full = JSON.readWorkfrontEvent(payload);
    assertThat(m.ids()).containsExactly("cpl").isEqualTo(set.match(full));
    assertThat(m.event().eventType()).isEqualTo("UPDATE");
    assertThat(m.event().objCode()).isEqualTo("TASK");
    assertThat(m.event().objId()).isEqualTo("t1");
    assertThat(m.event().source()).isEqualTo(full.source());
    assertThat(m.event().name()).isEqualTo(full.name());
    assertThat(set.match(m.event())).as("the pruned event matches what the full one matches").containsExactly("cpl");
    assertThatThrownBy(() -> JSON.readAndMatchWorkfrontEvent(set, "{\"eventType\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("/eventType");
  }
}
