/**
 * subfilter on Jackson: reads subscriptions and vendor deliveries (Workfront, 4me, Optimizely CMP),
 * evaluates on Jackson trees.
 */
module dev.subfilter.jackson {
  requires transitive dev.subfilter.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.nimbusds.jose.jwt;

  exports dev.subfilter.jackson;
}
