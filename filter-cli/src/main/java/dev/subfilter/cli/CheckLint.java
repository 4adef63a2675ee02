package dev.subfilter.cli;

import dev.subfilter.Event;
import dev.subfilter.Lint;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.SubscriptionLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The warnings of {@code subfilter check}: {@link Lint} over the valid subscriptions, with the
 * events of {@code --samples} (read with {@code --format auto}: Workfront, 4me and CMP payloads and
 * envelopes), each printed as {@code file:/pointer: warning CODE (ID): message} after the problems.
 */
final class CheckLint {
  /** What the lint found. */
  record Outcome(int warnings, int suppressed, long samples, int exitCode) {}

  private CheckLint() {}

  static Outcome run(Env env, PrintWriter out, PrintWriter err, boolean jsonLines, SubscriptionFiles.Result files, SubfilterJson json, Mode mode,
      List<Path> samples, Set<Lint.Code> suppressed) {
    Map<String, Subscription> subs = new LinkedHashMap<>();
    files.entries.forEach(e -> subs.put(e.id(), e.subscription()));
    Lint lint = Lint.of(mode, subs);
    long read = 0;
    int readCode = ExitCodes.OK;
    if (samples != null && !samples.isEmpty()) {
      List<String> inputs = new ArrayList<>();
      samples.forEach(p -> inputs.add(p.toString()));
      EventDecoder decoder = new EventDecoder("auto", json, FourMeAdapter.builder().json(json).build());
      EventReader reader = new EventReader(env, err, decoder, (int) Math.min(Integer.MAX_VALUE - 8, json.limits().maxDocumentBytes()),
          inputs, false);
      reader.read(new EventReader.Handler() {
        @Override
        public void event(String position, Event event) {
          lint.addSample(event);
        }

        @Override
        public void handshake(String position, Delivery.Handshake handshake) {
          // no fields to compare with
        }
      });
      if (reader.events == 0 && reader.unreadable == 0) {
        reader.problem("no sample events in " + reader.describeInputs());
        readCode = ExitCodes.INVALID_EVENTS;
      }
      read = reader.events;
      readCode = ExitCodes.worst(readCode, reader.exitCode());
    }
    int shown = 0;
    int hidden = 0;
    for (Lint.Warning w : lint.warnings()) {
      if (suppressed.contains(w.code())) {
        hidden++;
        continue;
      }
      shown++;
      SubscriptionLoader.Origin o = files.origins.get(w.id());
      String file = o == null ? w.id() : o.file();
      String pointer = (o == null ? "" : o.pointer()) + w.pointer();
      String message = "warning " + w.code().token() + " (" + w.id() + "): " + w.message();
      out.println(jsonLines ? CheckCommand.problemJson(file, pointer, message) : new SubscriptionFiles.Finding(file, pointer, message).format());
    }
    return new Outcome(shown, hidden, read, readCode);
  }
}
