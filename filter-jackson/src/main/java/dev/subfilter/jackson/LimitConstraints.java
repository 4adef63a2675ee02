package dev.subfilter.jackson;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.subfilter.Limits;

/**
 * Jackson's read constraints with the checks that {@link Limits} has settings for answered by
 * {@link Limits} itself: a limit hit is a {@link Exceeded} carrying the message that names the
 * {@code Limits} setting, so no caller has to recognise Jackson's wording. Immutable.
 */
final class LimitConstraints extends StreamReadConstraints {
  private static final long serialVersionUID = 1L;

  private final transient Limits limits;

  /** Constraints for documents of {@code limits}; Jackson's defaults for what {@code Limits} does not set. */
  LimitConstraints(Limits limits) {
    super(limits.maxJsonDepth(), limits.maxDocumentBytes(), DEFAULT_MAX_NUM_LEN, DEFAULT_MAX_STRING_LEN,
        DEFAULT_MAX_NAME_LEN, DEFAULT_MAX_TOKEN_COUNT);
    this.limits = limits;
  }

  @Override
  public void validateNestingDepth(int depth) throws StreamConstraintsException {
    String problem = limits.jsonDepthProblem(depth);
    if (problem != null) {
      throw new Exceeded(problem);
    }
  }

  @Override
  public void validateDocumentLength(long len) throws StreamConstraintsException {
    String problem = limits.documentBytesProblem(len);
    if (problem != null) {
      throw new Exceeded(problem);
    }
  }

  /** A limit of {@link Limits} hit while reading; the message names the setting. */
  static final class Exceeded extends StreamConstraintsException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }
}
