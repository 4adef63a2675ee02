package dev.subfilter.kafka;

import dev.subfilter.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global store's updater: keeps the store (the latest record per id, valid or not) and the
 * router's set in step with the subscriptions topic. Runs on the global thread, which no exception
 * handler covers, so nothing a record holds may make it throw.
 */
final class SubscriptionUpdater implements Processor<byte[], byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(SubfilterRouter.class);

  private final RouterState state;
  private final String storeName;
  private KeyValueStore<String, byte[]> store;
  private Sensor applied;
  private Sensor rejections;

  SubscriptionUpdater(RouterState state, String storeName) {
    this.state = state;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
    Sensor[] sensors = RouterMetrics.forUpdater(context.metrics(), state);
    applied = sensors[0];
    rejections = sensors[1];
    state.loadOnce(store);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    applied.record();
    String id = id(record.key());
    if (id == null) {
      rejections.record();
      LOG.warn("subscription record without a usable key skipped: the key must be the subscription id, non-blank UTF-8 (key: {})",
          record.key() == null ? "null" : record.key().length + " bytes");
      if (record.key() != null) {
        String shown = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
          state.rejected.remove(shown);
        } else {
          state.reject(shown, List.of(new Problem("", "the record key " + (shown.isBlank() ? "is blank" : "is not UTF-8")
              + "; a subscription record's key is its id, non-blank UTF-8")));
        }
      }
      return;
    }
    if (record.value() == null) {
      store.delete(id);
    } else {
      store.put(id, record.value());
    }
    if (state.apply(id, record.value()) == RouterState.Outcome.REJECTED) {
      rejections.record();
    }
  }

  /** The id a key names: strict UTF-8 and not blank, else {@code null}. */
  static String id(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      String id = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
      return id.isBlank() ? null : id;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
