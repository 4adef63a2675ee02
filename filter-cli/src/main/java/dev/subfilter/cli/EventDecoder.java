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

/** Reads one payload with the adapter of {@code --format}, or of the vendor its keys name ({@link AutoAdapter}). */
final class EventDecoder {
  private static final Map<String, List<String>> NO_HEADERS = Map.of();

  private final Adapter adapter;

  EventDecoder(String format, SubfilterJson json, FourMeAdapter fourMe) {
    WorkfrontAdapter workfront = new WorkfrontAdapter(json);
    CmpAdapter cmp = CmpAdapter.create(json, null);
    this.adapter = switch (format) {
      case "workfront" -> workfront;
      case "4me" -> fourMe;
      case "cmp" -> cmp;
      default -> AutoAdapter.of(workfront, fourMe, cmp, "--format auto", "name the vendor with --format");
    };
  }

  /**
   * The delivery in {@code body}.
   *
   * @throws InvalidEventException when it is not a payload of the vendor (or, with auto, of any vendor)
   */
  Delivery read(byte[] body) {
    return adapter.read(body, NO_HEADERS);
  }
}
