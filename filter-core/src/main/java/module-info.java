/**
 * subfilter core: the filter model, validation, compiler and events. {@code dev.subfilter.internal}
 * is not exported.
 */
module dev.subfilter.core {
  exports dev.subfilter;
}
