package dev.subfilter.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Payloads and subscriptions the router tests share. */
final class Payloads {
  private Payloads() {}

  static final String TASK_DONE = """
      {"objCode":"TASK","eventType":"UPDATE","filters":[{"fieldName":"status","fieldValue":"CPL"},
       {"fieldName":"status","comparison":"changed"}]}""";
  static final String TASK_NEW = """
      {"objCode":"TASK","eventType":"UPDATE","filters":[{"fieldName":"status","fieldValue":"NEW"}]}""";
  static final String ANY_TASK_UPDATE = """
      {"objCode":"TASK","eventType":"UPDATE"}""";

  /** A Workfront task UPDATE from {@code from} to {@code to}. */
  static String taskUpdate(String id, String from, String to) {
    return """
        {"eventType":"UPDATE","subscriptionId":"wf-1","eventTime":{"epochSecond":1670000000,"nano":5},
         "newState":{"ID":"%s","objCode":"TASK","name":"Launch","status":"%s"},
         "oldState":{"ID":"%s","objCode":"TASK","name":"Launch","status":"%s"}}""".formatted(id, to, id, from);
  }

  static byte[] resource(String path) {
    try (InputStream in = Payloads.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resourceText(String path) {
    return new String(resource(path), StandardCharsets.UTF_8);
  }
}
