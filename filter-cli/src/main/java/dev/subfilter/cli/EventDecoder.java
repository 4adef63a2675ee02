package dev.subfilter.cli;

import dev.subfilter.InvalidEventException;
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
  }

  /**
   * The delivery in {@code payload}: a body, or an envelope of headers and body.
   *
   * @throws InvalidEventException when it is not a payload of the vendor (or, with auto, of any vendor)
   */
  Delivery read(byte[] payload) {
    Envelope envelope = Envelope.open(payload);
    byte[] body = envelope == null ? payload : envelope.body();
    Map<String, List<String>> h = envelope == null ? headers : Envelope.merge(headers, envelope.headers());
    return adapter.read(body, h);
  }
}
