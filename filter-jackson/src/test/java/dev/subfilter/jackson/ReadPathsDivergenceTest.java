package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one allowed difference between the Workfront read paths (README, "Hostile input"): member
 * names crafted to collide in Jackson's symbol table, whose hash is seeded per {@code
 * SubfilterJson} instance. Jackson refuses such a document ({@code FAIL_ON_SYMBOL_HASH_OVERFLOW},
 * its guard against quadratic name lookups); the fast scanner, which hashes names its own way and
 * is linear on them, reads it. So {@link WorkfrontStreamReader#read} (and {@code
 * matchWorkfrontEvent}) may return an event where {@link SubfilterJson#readWorkfrontEvent} throws.
 * Left so on purpose: imitating Jackson's seeded table would slow every read, and turning the
 * guard off would let such names make Jackson quadratic; the attacker gains nothing but an event
 * read as it is written. The fuzz target {@link ReadPathsFuzzTest} allows exactly this.
 */
class ReadPathsDivergenceTest {

  /** The names of four ASCII letters whose Jackson hash (this factory's seed) falls in one primary slot of a 2,048-slot table. */
  private static List<String> colliding(JsonFactory factory, int count) throws ReflectiveOperationException {
    Field f = JsonFactory.class.getDeclaredField("_byteSymbolCanonicalizer");
    f.setAccessible(true);
    ByteQuadsCanonicalizer table = (ByteQuadsCanonicalizer) f.get(factory);
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    List<String> out = new ArrayList<>();
    int slot = -1;
    for (int i = 0; out.size() < count; i++) {
      String name = "" + letters.charAt(i % 52) + letters.charAt(i / 52 % 52) + letters.charAt(i / 2704 % 52) + letters.charAt(i / 140608 % 52);
      byte[] b = name.getBytes(StandardCharsets.US_ASCII);
      int quad = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
      int s = table.calcHash(quad) & 2047;
      if (slot < 0) {
        slot = s;
      }
      if (s == slot) {
        out.add(name);
      }
    }
    return out;
  }

  @Test
  void read_namesCraftedToCollideInJacksonsSymbolTable_treeRefusesScannerReads() throws Exception {
    SubfilterJson json = SubfilterJson.create();
    // 1,500 names in one primary slot: they grow the table to 2,048 slots (the guard applies above 1,024) and fill its spill-over area
    List<String> names = colliding(json.mapper().getFactory(), 1_500);
    StringBuilder b = new StringBuilder("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"CUR\"");
    for (String n : names) {
      b.append(",\"").append(n).append("\":1");
    }
    byte[] payload = b.append("}}").toString().getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> json.readWorkfrontEvent(payload)).isInstanceOfSatisfying(InvalidEventException.class, e -> {
      assertThat(e.problem().pointer()).isEmpty();
      assertThat(e.problem().message()).startsWith("JSON exceeds a reading limit: Spill-over slots in symbol table")
          .contains("suspect a DoS attack based on hash collisions");
    });
    WorkfrontStreamReader reader = new WorkfrontStreamReader(json, Set.of("status"));
    Event read = reader.read(payload);
    assertThat(read.objCode()).isEqualTo("TASK");
    assertThat(((JsonNode) read.newState()).get("status").asText()).isEqualTo("CUR");
    assertThat(new FastWorkfrontScanner(json, reader.stateKeys()).scan(payload)).as("the fast scanner is the path that reads it").isNotNull();
    assertThatThrownBy(() -> reader.stream(payload)).as("the Jackson stream refuses it too").hasMessageContaining("Spill-over slots");
  }

  @Test
  void read_sameNamesWithoutTheCollidingOnes_allPathsAgree() throws Exception {
    SubfilterJson json = SubfilterJson.create();
    StringBuilder b = new StringBuilder("{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\",\"status\":\"CUR\"");
    for (int i = 0; i < 1_500; i++) {
      b.append(",\"filler").append(i).append("\":").append(i);
    }
    byte[] payload = b.append("}}").toString().getBytes(StandardCharsets.UTF_8);

    Event tree = json.readWorkfrontEvent(payload);
    Event read = new WorkfrontStreamReader(json, Set.of("status")).read(payload);
    assertThat(((JsonNode) read.newState()).get("status")).isEqualTo(((JsonNode) tree.newState()).get("status"));
  }
}
