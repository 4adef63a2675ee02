package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Optimizely CMP deliveries: the external work management table, the mechanical rule, the callback secret. */
class CmpAdapterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SECRET = "s3cr3t-up-to-32-chars";
  private static final String TASK = "5f6a0312a5963d0591015e3e";
  private static final String SUB_STEP = "5f68911d83eeb10591933b4a";
  private static final String COMMENT = "8f68911d83eeb10591933b4q";

  /** The seed's external_sub_step_* data, with external_work (external_system as given). */
  private static String subStepData(String system) {
    return """
        {"task":{"id":"%s","links":{"self":"https://api.cmp.optimizely.com/v3/tasks/%s","assets":""}},
         "step":{"id":"5f68911d83eeb10591933b49","links":{"task":""}},
         "sub_step":{"id":"%s","links":{"self":"","task":"","external_work":""}},
         "external_work":{"external_system":"%s","links":{"self":"","task":"","sub_step":""}}}"""
        .formatted(TASK, TASK, SUB_STEP, system);
  }

  /** The seed's comment data; {@code removed} has no comment.links.self. */
  private static String commentData(boolean removed) {
    return """
        {"task":{"id":"%s","links":{"self":"","assets":""}},
         "step":{"id":"5f68911d83eeb10591933b49","links":{"task":""}},
         "sub_step":{"id":"%s","links":{"self":"","task":"","external_work":"","comments":""}},
         "comment":{"id":"%s","links":{%s"task":"","sub_step":""}}}"""
        .formatted(TASK, SUB_STEP, COMMENT, removed ? "" : "\"self\":\"\",");
  }

  private static byte[] delivery(String eventName, String data) {
    return ("{\"event_name\":\"" + eventName + "\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String s) {
    try {
      return MAPPER.readTree(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Event event(Delivery d) {
    assertThat(d).isInstanceOf(Delivery.Received.class);
    return ((Delivery.Received) d).event();
  }

  private static Event read(String eventName, String data) {
    return event(CmpAdapter.create().read(delivery(eventName, data), Map.of()));
  }

  private static InvalidEventException shapeError(byte[] body) {
    Throwable t = catchThrowable(() -> CmpAdapter.create().read(body, Map.of()));
    assertThat(t).isExactlyInstanceOf(InvalidEventException.class);
    return (InvalidEventException) t;
  }

  private static UnauthenticDeliveryException rejection(CmpAdapter a, byte[] body, Map<String, List<String>> headers) {
    Throwable t = catchThrowable(() -> a.read(body, headers));
    assertThat(t).isInstanceOf(UnauthenticDeliveryException.class);
    return (UnauthenticDeliveryException) t;
  }

  private static CmpAdapter withSecret() {
    return CmpAdapter.create(SubfilterJson.create(), SECRET);
  }

  // ---------------------------------------------------------------- the external work table

  @ParameterizedTest
  @ValueSource(strings = {"external_sub_step_started", "external_sub_step_completed", "external_sub_step_modified"})
  void read_externalSubStepEvent_updateOfSubStepWithUnknownOldState(String name) {
    Event e = read(name, subStepData("Jira"));

    assertThat(e.source()).isEqualTo("cmp");
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.objCode()).isEqualTo("EXTERNAL_SUB_STEP");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isEqualTo(SUB_STEP);
    assertThat((JsonNode) e.newState()).isEqualTo(json(subStepData("Jira")));
    assertThat(e.hasOldState()).isFalse();
    assertThat(e.eventTime()).isNull();
    assertThat(e.deliveryId()).isNull();
  }

  @Test
  void read_externalSubStepModfied_nameNormalisedToModified() {
    Event e = read("external_sub_step_modfied", subStepData("Jira"));

    assertThat(e.name()).isEqualTo("external_sub_step_modified");
    assertThat(e.objCode()).isEqualTo("EXTERNAL_SUB_STEP");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isEqualTo(SUB_STEP);
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_externalSubStepCommentAdded_createWithEmptyOldState() {
    Event e = read("external_sub_step_comment_added", commentData(false));

    assertThat(e.name()).isEqualTo("external_sub_step_comment_added");
    assertThat(e.objCode()).isEqualTo("EXTERNAL_SUB_STEP_COMMENT");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.objId()).isEqualTo(COMMENT);
    assertThat((JsonNode) e.newState()).isEqualTo(json(commentData(false)));
    assertThat(e.hasOldState()).isTrue();
    assertThat((JsonNode) e.oldState()).isEqualTo(json("{}"));
  }

  @ParameterizedTest
  @CsvSource({
      "external_sub_step_comment_modified, UPDATE, false",
      "external_sub_step_comment_removed, DELETE, true"})
  void read_externalSubStepCommentChange_commentObjIdAndUnknownOldState(String name, String eventType, boolean removed) {
    Event e = read(name, commentData(removed));

    assertThat(e.name()).isEqualTo(name);
    assertThat(e.objCode()).isEqualTo("EXTERNAL_SUB_STEP_COMMENT");
    assertThat(e.eventType()).isEqualTo(eventType);
    assertThat(e.objId()).isEqualTo(COMMENT);
    assertThat((JsonNode) e.newState()).isEqualTo(json(commentData(removed)));
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_subStepEventWithoutSubStepMember_objIdAbsent() {
    Event e = read("external_sub_step_started", "{\"task\":{\"id\":\"t1\"}}");

    assertThat(e.objCode()).isEqualTo("EXTERNAL_SUB_STEP");
    assertThat(e.objId()).isNull();
  }

  @Test
  void read_commentEventIdsNotFromSubStep_objIdIsCommentId() {
    Event e = read("external_sub_step_comment_modified", "{\"sub_step\":{\"id\":\"s\"},\"external_sub_step_comment\":{\"id\":\"x\"},\"comment\":{\"id\":\"c\"}}");

    assertThat(e.objId()).isEqualTo("c");
  }

  // ---------------------------------------------------------------- the mechanical rule

  @ParameterizedTest
  @CsvSource({
      "task_added, TASK, CREATE",
      "task_removed, TASK, DELETE",
      "task_metadata_modified, TASK_METADATA, UPDATE",
      "work_request_added, WORK_REQUEST, CREATE",
      "work_request_modified, WORK_REQUEST, UPDATE",
      "campaign_metadata_modified, CAMPAIGN_METADATA, UPDATE",
      "asset_renditions_created, ASSET_RENDITIONS, CREATE",
      "asset_deleted, ASSET, DELETE",
      "asset_published, ASSET, UPDATE",
      "workflow_sub_step_updated, WORKFLOW_SUB_STEP, UPDATE",
      "content_preview_requested, CONTENT_PREVIEW, UPDATE"})
  void read_otherEvent_mapsMechanicallyByLastWord(String name, String objCode, String eventType) {
    Event e = read(name, "{\"task\":{\"id\":\"t1\"}}");

    assertThat(e.name()).isEqualTo(name);
    assertThat(e.objCode()).isEqualTo(objCode);
    assertThat(e.eventType()).isEqualTo(eventType);
    if (eventType.equals("CREATE")) {
      assertThat((JsonNode) e.oldState()).isEqualTo(json("{}"));
    } else {
      assertThat(e.hasOldState()).isFalse();
    }
  }

  @Test
  void read_taskAdded_objIdFromDataTask() {
    Event e = read("task_added", "{\"task\":{\"id\":\"" + TASK + "\",\"links\":{\"self\":\"\"}}}");

    assertThat(e.objCode()).isEqualTo("TASK");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.objId()).isEqualTo(TASK);
    assertThat((JsonNode) e.oldState()).isEqualTo(json("{}"));
  }

  @Test
  void read_workRequestAdded_objIdFromDataWorkRequest() {
    Event e = read("work_request_added", "{\"work_request\":{\"id\":\"wr-17\"},\"task\":{\"id\":\"t1\"}}");

    assertThat(e.objCode()).isEqualTo("WORK_REQUEST");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.objId()).isEqualTo("wr-17");
  }

  @Test
  void read_campaignMetadataModified_noCampaignMetadataMember_objIdAbsent() {
    Event e = read("campaign_metadata_modified", "{\"campaign\":{\"id\":\"c-1\"}}");

    assertThat(e.objCode()).isEqualTo("CAMPAIGN_METADATA");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isNull();
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_oneWordName_objCodeWithUpdate() {
    Event e = read("ping", "{\"ping\":{\"id\":\"p-1\"}}");

    assertThat(e.name()).isEqualTo("ping");
    assertThat(e.objCode()).isEqualTo("PING");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isEqualTo("p-1");
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_memberAbsent_objIdNull() {
    assertThat(read("task_added", "{}").objId()).isNull();
    assertThat(read("task_added", "{\"task\":null}").objId()).isNull();
    assertThat(read("task_added", "{\"task\":{\"links\":{}}}").objId()).isNull();
    assertThat(read("task_added", "{\"task\":{\"id\":null}}").objId()).isNull();
  }

  @Test
  void read_numericId_objIdAsText() {
    assertThat(read("task_added", "{\"task\":{\"id\":5231}}").objId()).isEqualTo("5231");
  }

  // ---------------------------------------------------------------- the callback secret

  @Test
  void read_rightSecret_accepted() {
    Event e = event(withSecret().read(delivery("external_sub_step_completed", subStepData("Jira")),
        Map.of("Callback-Secret", List.of(SECRET))));

    assertThat(e.objId()).isEqualTo(SUB_STEP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"callback-secret", "CALLBACK-SECRET", "Callback-secret", "cAlLbAcK-sEcReT"})
  void read_secretHeaderNameInAnyCase_accepted(String header) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put(header, List.of(SECRET));

    assertThat(event(withSecret().read(delivery("task_added", "{}"), headers)).objCode()).isEqualTo("TASK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrong", "", "s3cr3t-up-to-32-chars ", "S3CR3T-UP-TO-32-CHARS", "s3cr3t-up-to-32-char"})
  void read_wrongSecret_wrongSecret(String given) {
    UnauthenticDeliveryException e = rejection(withSecret(), delivery("task_added", "{}"), Map.of("Callback-Secret", List.of(given)));

    assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET);
    assertThat(e.getMessage()).startsWith("unauthentic delivery (WRONG_SECRET): (root): ").doesNotContain(SECRET);
    if (!given.isEmpty()) {
      assertThat(e.getMessage()).doesNotContain(given);
    }
  }

  @Test
  void read_missingSecret_missingSecret() {
    UnauthenticDeliveryException e = rejection(withSecret(), delivery("task_added", "{}"), Map.of("Content-Type", List.of("application/json")));

    assertThat(e.reason()).isEqualTo(Reason.MISSING_SECRET);
    assertThat(e.getMessage()).startsWith("unauthentic delivery (MISSING_SECRET): (root): ").contains("Callback-Secret").doesNotContain(SECRET);
  }

  @Test
  void read_secretHeaderWithNoValuesOrNoHeaders_missingSecret() {
    assertThat(rejection(withSecret(), delivery("task_added", "{}"), Map.of("Callback-Secret", List.of())).reason())
        .isEqualTo(Reason.MISSING_SECRET);
    assertThat(rejection(withSecret(), delivery("task_added", "{}"), null).reason()).isEqualTo(Reason.MISSING_SECRET);
  }

  @Test
  void read_wrongSecretWithGarbageBody_secretCheckedFirst() {
    assertThat(rejection(withSecret(), bytes("not json"), Map.of("Callback-Secret", List.of("nope"))).reason())
        .isEqualTo(Reason.WRONG_SECRET);
    assertThat(rejection(withSecret(), bytes("[]"), Map.of()).reason()).isEqualTo(Reason.MISSING_SECRET);
  }

  @Test
  void read_noSecretConfigured_headerIgnored() {
    assertThat(event(CmpAdapter.create().read(delivery("task_added", "{}"), Map.of("Callback-Secret", List.of("anything")))).objCode())
        .isEqualTo("TASK");
    assertThat(event(CmpAdapter.create(SubfilterJson.create(), null).read(delivery("task_added", "{}"), Map.of())).objCode())
        .isEqualTo("TASK");
  }

  @Test
  void create_emptySecret_illegalArgument() {
    assertThatThrownBy(() -> CmpAdapter.create(SubfilterJson.create(), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackSecret");
  }

  // ---------------------------------------------------------------- shape errors

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "\"external_sub_step_started\"", "{\"event_name\":\"a\",\"data\":{}} trailing",
      "{\"event_name\":\"a\",\"event_name\":\"b\",\"data\":{}}"})
  void read_notADeliveryObject_invalidEventAtRoot(String body) {
    InvalidEventException e = shapeError(bytes(body));

    assertThat(e.problem().pointer()).isEmpty();
    assertThat(e.getMessage()).startsWith("invalid event: (root): ");
  }

  @Test
  void read_eventNameMissing_invalidEventAtEventName() {
    InvalidEventException e = shapeError(bytes("{\"data\":{}}"));

    assertThat(e.problem().pointer()).isEqualTo("/event_name");
    assertThat(e.getMessage()).startsWith("invalid event: /event_name: missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "5", "null", "{}", "[\"task_added\"]", "true"})
  void read_eventNameNotANonEmptyString_invalidEventAtEventName(String value) {
    InvalidEventException e = shapeError(bytes("{\"event_name\":" + value + ",\"data\":{}}"));

    assertThat(e.getMessage()).startsWith("invalid event: /event_name: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",\"data\":null", ",\"data\":[]", ",\"data\":\"{}\"", ",\"data\":5"})
  void read_dataNotAnObject_invalidEventAtData(String member) {
    InvalidEventException e = shapeError(bytes("{\"event_name\":\"task_added\"" + member + "}"));

    assertThat(e.problem().pointer()).isEqualTo("/data");
    assertThat(e.getMessage()).startsWith("invalid event: /data: ");
  }

  @Test
  void read_subStepIdAnObject_invalidEventAtSubStepId() {
    InvalidEventException e = shapeError(delivery("external_sub_step_started", "{\"sub_step\":{\"id\":{\"x\":1}}}"));

    assertThat(e.problem().pointer()).isEqualTo("/data/sub_step/id");
    assertThat(e.getMessage()).startsWith("invalid event: /data/sub_step/id: found an object");
  }

  @Test
  void read_commentIdAnArray_invalidEventAtCommentId() {
    InvalidEventException e = shapeError(delivery("external_sub_step_comment_added", "{\"comment\":{\"id\":[1]}}"));

    assertThat(e.problem().pointer()).isEqualTo("/data/comment/id");
  }

  @Test
  void read_workRequestIdBoolean_invalidEventAtWorkRequestId() {
    InvalidEventException e = shapeError(delivery("work_request_added", "{\"work_request\":{\"id\":true}}"));

    assertThat(e.problem().pointer()).isEqualTo("/data/work_request/id");
  }
}
