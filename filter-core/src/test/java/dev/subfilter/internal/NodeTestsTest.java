package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.JsonModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcomes {@link NodeTests.Fields#test} gives a nested level's callers (an {@code objects}
 * element, a key of an enclosing level): today they only ask whether it holds, so mutation
 * testing (issue 16) found the failing outcomes unpinned; the contract is that they name why.
 */
class NodeTestsTest {
  private static final JsonModel M = JsonModel.JAVA;

  private static NodeTests.Fields typeIsTask() {
    return new NodeTests.Fields(new String[] {"type"}, new NodeTest[] {new NodeTests.EqString("task")});
  }

  @Test
  void fieldsTest_notAnObject_typeMismatch() {
    assertThat(typeIsTask().test(M, "task")).isEqualTo(Outcome.TYPE_MISMATCH);
    assertThat(typeIsTask().test(M, List.of(Map.of("type", "task")))).isEqualTo(Outcome.TYPE_MISMATCH);
  }

  @Test
  void fieldsTest_keyAbsentOrFailing_nestedMismatch() {
    assertThat(typeIsTask().test(M, Map.of("kind", "task"))).isEqualTo(Outcome.NESTED_MISMATCH);
    assertThat(typeIsTask().test(M, Map.of("type", "issue"))).isEqualTo(Outcome.NESTED_MISMATCH);
    assertThat(typeIsTask().test(M, Map.of("type", "task"))).isEqualTo(Outcome.HOLDS);
  }
}
