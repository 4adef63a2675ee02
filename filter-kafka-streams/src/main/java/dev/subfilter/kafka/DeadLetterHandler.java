package dev.subfilter.kafka;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' log-and-continue processing handler whose dead-letter records (KIP-1034) carry
 * no secret header: Kafka's own handler copies every header of the failing event record, {@code
 * Authorization} and {@code Callback-Secret} included. {@link SubfilterRouter#recommendedProperties}
 * configures it with the router's secret headers; not meant to be used otherwise. Kafka Streams
 * creates one per stream thread; not thread-safe beyond that.
 */
public final class DeadLetterHandler extends LogAndContinueProcessingExceptionHandler {
  /** Comma-separated lower-case names this handler drops, beside {@link SubfilterRouter#DEFAULT_SECRET_HEADERS}. */
  static final String SECRET_HEADERS_CONFIG = "subfilter.dead-letters.secret-headers";

  private Set<String> secrets = SubfilterRouter.DEFAULT_SECRET_HEADERS;

  /** Created by Kafka Streams from its class name. */
  public DeadLetterHandler() {}

  /**
   * Reads the dead-letter topic as Kafka's handler does, and the secret headers.
   *
   * @param configs the Kafka Streams configuration
   */
  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    Object names = configs.get(SECRET_HEADERS_CONFIG);
    if (names != null) {
      Set<String> s = new LinkedHashSet<>(SubfilterRouter.DEFAULT_SECRET_HEADERS);
      for (String n : names.toString().split(",")) {
        if (!n.isBlank()) {
          s.add(n.trim().toLowerCase(Locale.ROOT));
        }
      }
      secrets = Set.copyOf(s);
    }
  }

  /**
   * Kafka's response, its dead-letter records without the secret headers.
   *
   * @param context where the record failed
   * @param record the record that failed
   * @param exception what it threw
   * @return resume, with the dead-letter records (none when no dead-letter topic is configured)
   */
  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    Response r = super.handleError(context, record, exception);
    List<ProducerRecord<byte[], byte[]>> letters = r.deadLetterQueueRecords();
    if (letters.isEmpty()) {
      return r;
    }
    List<ProducerRecord<byte[], byte[]>> clean = new ArrayList<>(letters.size());
    for (ProducerRecord<byte[], byte[]> l : letters) {
      RecordHeaders h = new RecordHeaders();
      for (Header x : l.headers()) {
        if (!secrets.contains(x.key().toLowerCase(Locale.ROOT))) {
          h.add(x);
        }
      }
      clean.add(new ProducerRecord<>(l.topic(), l.partition(), l.timestamp(), l.key(), l.value(), h));
    }
    return r.result() == Result.FAIL ? Response.fail(clean) : Response.resume(clean);
  }
}
