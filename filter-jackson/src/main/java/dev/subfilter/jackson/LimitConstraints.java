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
  /** Levels a file may hold around its documents (an array of subscriptions): not counted against the limit. */
  private final int around;
  private final boolean documentLength;

  /** Constraints for documents of {@code limits}; Jackson's defaults for what {@code Limits} does not set. */
  LimitConstraints(Limits limits) {
    this(limits, 0, true);
  }

  private LimitConstraints(Limits limits, int around, boolean documentLength) {
    super(limits.maxJsonDepth() + around, documentLength ? limits.maxDocumentBytes() : -1, DEFAULT_MAX_NUM_LEN,
        DEFAULT_MAX_STRING_LEN, DEFAULT_MAX_NAME_LEN, DEFAULT_MAX_TOKEN_COUNT);
    this.limits = limits;
    this.around = around;
    this.documentLength = documentLength;
  }

  /**
   * Constraints for a file of documents of {@code limits}: one level more for an array around them,
   * reported as the documents' own depth; no length (the file's reader measures each document).
   */
  static LimitConstraints forFiles(Limits limits) {
    return new LimitConstraints(limits, 1, false);
  }

  @Override
  public void validateNestingDepth(int depth) throws StreamConstraintsException {
    String problem = limits.jsonDepthProblem(depth - around);
    if (problem != null) {
      throw new Exceeded("maxJsonDepth", problem);
    }
  }

  @Override
  public void validateDocumentLength(long len) throws StreamConstraintsException {
    String problem = documentLength ? limits.documentBytesProblem(len) : null;
    if (problem != null) {
      throw new Exceeded("maxDocumentBytes", problem);
    }
  }

  /** A limit of {@link Limits} hit while reading; the message names the setting. */
  static final class Exceeded extends StreamConstraintsException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    Exceeded(String setting, String message) {
      super(message);
      this.setting = setting;
    }

    /** The {@link Limits} component hit, e.g. {@code maxJsonDepth}. */
    String setting() {
      return setting;
    }
  }
}
