package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscriptions naming vendor event names, evaluated against events the 4me and CMP adapters make. */
class VendorSubscriptionTest {
  private static final SubfilterJson JSON = SubfilterJson.create();

  private static final String STATUS_CHANGED = """
      {"webhook_id":18,"account_id":"wdc","event":"task.status-changed","object_id":5231,"person_id":336,
       "person_name":"Joseph Coleman","payload":{"status":"completed","previous_status":"in_progress","audit_line_id":71988}}""";
  private static final String UPDATE = """
      {"webhook_id":19,"account_id":"wdc","event":"task.update","object_id":5231,"person_id":336,
       "person_name":"Joseph Coleman","payload":{"status":"completed","audit_line_id":71989}}""";

  private static Event fourMe(String body) {
    Delivery d = FourMeAdapter.create().read(body.getBytes(StandardCharsets.UTF_8), Map.of());
    return ((Delivery.Received) d).event();
  }

  private static Event cmp(String eventName, String system) {
    String body = """
        {"event_name":"%s","data":{"task":{"id":"5f6a0312a5963d0591015e3e"},"sub_step":{"id":"5f68911d83eeb10591933b4a"},
         "external_work":{"external_system":"%s"}}}""".formatted(eventName, system);
    Delivery d = CmpAdapter.create().read(body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", List.of("application/json")));
    return ((Delivery.Received) d).event();
  }

  private static CompiledSubscription sub(String json) {
    return JSON.readSubscription(json).compile();
  }

  @Test
  void matches_vendorEventTypeStatusChanged_matchesOnlyThatEvent() {
    CompiledSubscription s = sub("{\"objCode\":\"TASK\",\"eventType\":\"task.status-changed\"}");

    assertThat(s.matches(fourMe(STATUS_CHANGED))).isTrue();
    assertThat(s.matches(fourMe(UPDATE))).isFalse();
  }

  @Test
  void matches_canonicalUpdate_matchesStatusChangedAndUpdate() {
    CompiledSubscription s = sub("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\"}");

    assertThat(s.matches(fourMe(STATUS_CHANGED))).isTrue();
    assertThat(s.matches(fourMe(UPDATE))).isTrue();
  }

  @Test
  void matches_objIdAsText_selectsNumericObjectId() {
    assertThat(sub("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"objId\":\"5231\"}").matches(fourMe(UPDATE))).isTrue();
    assertThat(sub("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"objId\":\"5232\"}").matches(fourMe(UPDATE))).isFalse();
  }

  @Test
  void matches_oldStateFilters_needKnownOldState() {
    CompiledSubscription wasInProgress = sub("""
        {"objCode":"TASK","eventType":"UPDATE","filters":[
          {"fieldName":"status","fieldValue":"in_progress","comparison":"eq","state":"oldState"}]}""");
    CompiledSubscription statusChanged = sub("""
        {"objCode":"TASK","eventType":"UPDATE","filters":[{"fieldName":"status","comparison":"changed"}]}""");

    assertThat(wasInProgress.matches(fourMe(STATUS_CHANGED))).isTrue();
    assertThat(statusChanged.matches(fourMe(STATUS_CHANGED))).isTrue();
    assertThat(wasInProgress.matches(fourMe(UPDATE))).isFalse();
    assertThat(statusChanged.matches(fourMe(UPDATE))).isFalse();
  }

  @Test
  void matches_envelopePersonMergedIntoNewState_filterable() {
    assertThat(sub("""
        {"objCode":"TASK","eventType":"task.status-changed","filters":[
          {"fieldName":"person_name","fieldValue":"Joseph Coleman","comparison":"eq"}]}""").matches(fourMe(STATUS_CHANGED))).isTrue();
  }

  @Test
  void matches_misspeltModfiedSubscription_matchesModifiedDelivery() {
    CompiledSubscription s = sub("{\"objCode\":\"EXTERNAL_SUB_STEP\",\"eventType\":\"external_sub_step_modfied\"}");

    assertThat(s.subscription().eventType()).isEqualTo("external_sub_step_modified");
    assertThat(s.matches(cmp("external_sub_step_modified", "Jira"))).isTrue();
    assertThat(s.matches(cmp("external_sub_step_modfied", "Jira"))).isTrue();
    assertThat(s.matches(cmp("external_sub_step_completed", "Jira"))).isFalse();
  }

  @Test
  void matches_externalWorkJiraFilter_selectsJiraWork() {
    CompiledSubscription s = sub("""
        {"objCode":"EXTERNAL_SUB_STEP","eventType":"UPDATE","filters":[
          {"fieldName":"external_work","fieldValue":{"fields":{"external_system":"Jira"}}}]}""");

    assertThat(s.matches(cmp("external_sub_step_started", "Jira"))).isTrue();
    assertThat(s.matches(cmp("external_sub_step_started", "Trello"))).isFalse();
  }

  @Test
  void matches_cmpObjIdSubscription_selectsSubStep() {
    CompiledSubscription s = sub("{\"objCode\":\"EXTERNAL_SUB_STEP\",\"eventType\":\"external_sub_step_completed\",\"objId\":\"5f68911d83eeb10591933b4a\"}");

    assertThat(s.matches(cmp("external_sub_step_completed", "Jira"))).isTrue();
    assertThat(s.matches(cmp("external_sub_step_started", "Jira"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"task.status-changed", "external_sub_step_completed", "external_sub_step_modfied"})
  void readSubscription_workfrontModeVendorName_rejected(String eventType) {
    SubfilterJson workfront = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);

    assertThatThrownBy(() -> workfront.readSubscription("{\"objCode\":\"TASK\",\"eventType\":\"" + eventType + "\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("/eventType").hasMessageContaining("extended mode");
  }

  @Test
  void readSubscription_workfrontModeCanonical_accepted() {
    SubfilterJson workfront = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);

    assertThat(workfront.readSubscription("{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\"}").compile().matches(fourMe(UPDATE))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"update", "Update"})
  void readSubscription_lowerCaseCanonicalType_rejectedWithUpperCaseHint(String eventType) {
    assertThatThrownBy(() -> JSON.readSubscription("{\"objCode\":\"TASK\",\"eventType\":\"" + eventType + "\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("/eventType").hasMessageContaining("UPDATE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Task.status-changed", "1task", "task status", "task.status_Changed"})
  void readSubscription_notAVendorName_rejected(String eventType) {
    assertThatThrownBy(() -> JSON.readSubscription("{\"objCode\":\"TASK\",\"eventType\":\"" + eventType + "\"}"))
        .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("/eventType");
  }
}
