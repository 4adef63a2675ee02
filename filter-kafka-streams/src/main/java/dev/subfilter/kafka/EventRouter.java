package dev.subfilter.kafka;

import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.AutoAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.SubfilterJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event record in, its records out: one delivery per matched subscription, or a handshake, or
 * a dead letter. Nothing a record holds makes it throw: a body that is not valid or not authentic,
 * or an adapter that fails, is a dead letter with a one-line reason.
 */
final class EventRouter implements Processor<byte[], byte[], Object, byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(SubfilterRouter.class);

  private final RouterState state;
  private final Map<String, Adapter> adapters;
  private final AutoAdapter auto;
  private final Adapter workfront;
  private final DeliveryRecords records;
  private final boolean canonical;
  private ProcessorContext<Object, byte[]> context;
  private RouterMetrics metrics;
  /**
   * How often recent Workfront events matched (a moving average), with canonical values. A matched
   * event then needs its whole tree (the canonical values), so when most match, reading the tree and matching it beats
   * the streaming pass followed by the tree; when few match, the streaming pass alone wins. Both
   * answer the same ({@code matchWorkfrontEvent} is {@code match(readWorkfrontEvent)}).
   */
  private double workfrontMatchRate;
  /**
   * How often recent events without a {@value SubfilterRouter#SOURCE_HEADER} header were Workfront
   * payloads (a moving average). While most are, such an event is read as Workfront first and
   * detected only when that read refuses it: a body the Workfront reader accepts has top-level
   * {@code eventType} and {@code newState}, so detection would pick the Workfront adapter too, and
   * a body it refuses is detected and read as before (a Workfront one gets the same error). The
   * outcome is detection's in either order; only the cost differs: one pass over a Workfront body
   * instead of two, a failed Workfront pass more for another vendor's.
   */
  private double undetectedWorkfrontRate;

  /**
   * @param adapters by lower-case source name
   * @param workfront the built-in Workfront adapter, read by the streaming matcher; {@code null} when replaced or removed
   */
  EventRouter(RouterState state, Map<String, Adapter> adapters, AutoAdapter auto, Adapter workfront,
      DeliveryRecords records, boolean canonical) {
    this.state = state;
    this.adapters = adapters;
    this.auto = auto;
    this.workfront = workfront;
    this.records = records;
    this.canonical = canonical;
  }

  @Override
  public void init(ProcessorContext<Object, byte[]> context) {
    this.context = context;
    this.metrics = RouterMetrics.forRouter(context.metrics());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    long start = System.nanoTime();
    metrics.eventsRead.record();
    byte[] body = record.value();
    if (body == null) {
      deadLetter(record, "no body: the record value is null; an event record's value is the webhook body");
      return;
    }
    String sourceName = DeliveryRecords.first(record.headers(), SubfilterRouter.SOURCE_HEADER);
    Event event;
    List<String> ids;
    try {
      Adapter adapter;
      boolean guessed = false;
      if (sourceName != null) {
        adapter = adapters.get(sourceName.trim().toLowerCase(Locale.ROOT));
        if (adapter == null) {
          deadLetter(record, "unknown " + SubfilterRouter.SOURCE_HEADER + " \"" + sourceName + "\"; this router reads "
              + String.join(", ", adapters.keySet()) + ", or detects the vendor when the header is absent");
          return;
        }
      } else if (workfront != null && undetectedWorkfrontRate > 0.5) {
        adapter = workfront;
        guessed = true;
      } else {
        adapter = auto.detect(body);
      }
      WorkfrontRead read = null;
      if (adapter == workfront) {
        try {
          read = readWorkfront(body);
        } catch (RuntimeException e) {
          if (!guessed || (adapter = auto.detect(body)) == workfront) {
            throw e; // what detecting first gives, too
          }
        }
      }
      if (sourceName == null) {
        undetectedWorkfrontRate = undetectedWorkfrontRate * 0.97 + (adapter == workfront ? 0.03 : 0);
      }
      if (read != null) {
        event = read.event();
        ids = read.ids();
      } else {
        Delivery d = adapter.read(body, DeliveryRecords.asMap(record.headers()));
        if (d instanceof Delivery.Handshake h) {
          handshake(record, h);
          return;
        }
        event = ((Delivery.Received) d).event();
        ids = state.set.match(event);
      }
    } catch (InvalidEventException e) {
      deadLetter(record, e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.warn("reading an event failed; the record goes to the dead letters", e);
      deadLetter(record, "reading the event failed: " + e);
      return;
    }
    metrics.match.record(System.nanoTime() - start);
    if (ids.isEmpty()) {
      return;
    }
    metrics.eventsMatched.record();
    RecordHeaders common = DeliveryRecords.eventHeaders(records.forwarded(record.headers()), event, deliveryId(event));
    byte[] tail = canonical ? DeliveryRecords.canonicalTail(event) : null;
    int written = 0;
    try {
      for (String id : ids) {
        byte[] value = canonical ? DeliveryRecords.canonical(tail, id) : body;
        context.forward(new Record<>(id, value, record.timestamp(), DeliveryRecords.deliveryHeaders(common, id)),
            SubfilterRouter.DELIVERIES_SINK);
        written++;
      }
    } finally {
      // a delivery that fails (say, a topic extractor throws) leaves to Kafka Streams' handler; those written before it count
      if (written > 0) {
        metrics.deliveries.record(written);
      }
    }
  }

  /** A Workfront body's event ({@code null} when nothing matched and the tree was not needed) and matches. */
  private record WorkfrontRead(Event event, List<String> ids) {}

  /** Reads and matches a Workfront body in the cheapest way the delivery format allows. */
  private WorkfrontRead readWorkfront(byte[] body) {
    if (!canonical) {
      // the original body is forwarded: the event is needed for its gate headers only, which the
      // pruned event of the one streaming pass has (SubfilterJson.readAndMatchWorkfrontEvent)
      SubfilterJson.WorkfrontMatch m = state.json.readAndMatchWorkfrontEvent(state.set, body);
      return new WorkfrontRead(m.event(), m.ids());
    }
    Event event;
    List<String> ids;
    if (workfrontMatchRate > 0.5) {
      event = state.json.readWorkfrontEvent(body);
      ids = state.set.match(event);
    } else {
      // one streaming pass over only the keys the live subscriptions read; the full tree only for an event that matched
      ids = state.json.matchWorkfrontEvent(state.set, body);
      event = ids.isEmpty() ? null : state.json.readWorkfrontEvent(body);
    }
    workfrontMatchRate = workfrontMatchRate * 0.97 + (ids.isEmpty() ? 0 : 0.03);
    return new WorkfrontRead(event, ids);
  }

  /** The vendor's delivery id, else the event record's place, which is the same when it is processed again. */
  private String deliveryId(Event event) {
    if (event.deliveryId() != null) {
      return event.deliveryId();
    }
    return context.recordMetadata().map(EventRouter::place).orElse("unknown");
  }

  private static String place(RecordMetadata m) {
    return m.topic() + "-" + m.partition() + "@" + m.offset();
  }

  private void handshake(Record<byte[], byte[]> record, Delivery.Handshake h) {
    RecordHeaders headers = new RecordHeaders(records.forwarded(record.headers()).toArray(new Header[0]));
    headers.add(DeliveryRecords.text(SubfilterRouter.SOURCE_HEADER, h.source()));
    headers.add(DeliveryRecords.text(SubfilterRouter.CALLBACK_HEADER, h.callbackUrl()));
    context.forward(new Record<>(record.key(), DeliveryRecords.handshake(h.source(), h.callbackUrl()), record.timestamp(), headers),
        SubfilterRouter.HANDSHAKES_SINK);
    metrics.handshakes.record();
  }

  private void deadLetter(Record<byte[], byte[]> record, String reason) {
    context.forward(new Record<>(record.key(), record.value(), record.timestamp(), records.deadLetter(record.headers(), reason)),
        SubfilterRouter.DEAD_LETTERS_SINK);
    metrics.deadLetters.record();
  }
}
