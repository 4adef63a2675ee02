/**
 * subfilter inside Kafka Streams: {@link dev.subfilter.kafka.SubfilterRouter} routes raw webhook
 * deliveries to one record per matched subscription, with the subscriptions applied live on every
 * instance. Only {@code dev.subfilter.kafka} is exported; {@code dev.subfilter.kafka.app} holds
 * the runnable entry point of the shaded jar.
 */
module dev.subfilter.kafka {
  requires transitive dev.subfilter.jackson;
  requires transitive kafka.streams;
  requires transitive kafka.clients;
  requires org.slf4j;

  exports dev.subfilter.kafka;
}
