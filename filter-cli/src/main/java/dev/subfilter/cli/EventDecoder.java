package dev.subfilter.cli;

import dev.subfilter.InvalidEventException;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.AutoAdapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontAdapter;
import java.util.List;
import java.util.Map;

/**
 * Reads one payload with the adapter of {@code --format} (or {@code --mapping}), or of the vendor
 * its keys name ({@link AutoAdapter}); an {@link Envelope} brings its own headers, on top of
 * {@code --header}'s.
 */
final class EventDecoder {
  private final Adapter adapter;
  private final Map<String, List<String>> headers;
  private final SubfilterJson json;
  /**
   * Whether a body is first read as Workfront, in one streaming pass through the set's keys: with
   * {@code --format workfront}, and with auto until a body turns out to be another vendor's.
   */
  private boolean workfrontFirst;

  EventDecoder(String format, SubfilterJson json, FourMeAdapter fourMe) {
    this(format, json, fourMe, null, null, Map.of());
  }

  /**
   * @param format auto, workfront, 4me, cmp, or mapping (then {@code mapping} reads every event)
   * @param cmpSecret CMP's callback secret, or {@code null}
   * @param headers the headers of every event ({@code --header})
   */
  EventDecoder(String format, SubfilterJson json, FourMeAdapter fourMe, String cmpSecret, Adapter mapping, Map<String, List<String>> headers) {
    WorkfrontAdapter workfront = new WorkfrontAdapter(json);
    CmpAdapter cmp = CmpAdapter.create(json, cmpSecret);
    this.adapter = switch (format) {
      case "workfront" -> workfront;
      case "4me" -> fourMe;
      case "cmp" -> cmp;
      case "mapping" -> mapping;
      default -> AutoAdapter.of(workfront, fourMe, cmp, "--format auto", "name the vendor with --format");
    };
    this.headers = headers;
    this.json = json;
    this.workfrontFirst = format.equals("workfront") || format.equals("auto");
  }

  /**
   * The delivery in {@code payload}: a body, or an envelope of headers and body.
   *
   * @throws InvalidEventException when it is not a payload of the vendor (or, with auto, of any vendor)
   */
  Delivery read(byte[] payload) {
    return read(payload, null).delivery();
  }

  /** A delivery, and the ids it matches when they were found in the same pass ({@code null} otherwise). */
  record Decoded(Delivery delivery, List<String> ids) {}

  /**
   * {@link #read(byte[])}, matching against {@code set} in the same pass where it can: a Workfront
   * body (no envelope) is read once, streaming, keeping only the state keys the set reads ({@link
   * SubfilterJson#readAndMatchWorkfrontEvent}). A body that this read refuses is read again by the
   * adapter, whose answer or error stands: so auto still tells the other vendors (and, from the
   * first of them, stops trying Workfront first), and a bad event's message is the adapter's.
   *
   * @param set the subscriptions to match, or {@code null} to only read
   */
  Decoded read(byte[] payload, SubscriptionSet set) {
    Envelope envelope = Envelope.open(payload);
    if (envelope == null && set != null && workfrontFirst) {
      try {
        SubfilterJson.WorkfrontMatch m = json.readAndMatchWorkfrontEvent(set, payload);
        return new Decoded(new Delivery.Received(m.event()), m.ids());
      } catch (InvalidEventException e) {
        // not Workfront, or a bad event: the adapter below says which
      }
    }
    byte[] body = envelope == null ? payload : envelope.body();
    Map<String, List<String>> h = envelope == null ? headers : Envelope.merge(headers, envelope.headers());
    Delivery d = adapter.read(body, h);
    if (envelope == null && set != null && workfrontFirst && !(d instanceof Delivery.Received r && r.event().source().equals("workfront"))) {
      workfrontFirst = false; // another vendor's input: Workfront first would read each body twice
    }
    return new Decoded(d, null);
  }
}
