/** subfilter on Jackson: reads subscriptions and Workfront payloads, evaluates on Jackson trees. */
module dev.subfilter.jackson {
  requires transitive dev.subfilter.core;
  requires transitive com.fasterxml.jackson.databind;

  exports dev.subfilter.jackson;
}
