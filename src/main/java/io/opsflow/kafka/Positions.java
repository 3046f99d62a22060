package io.opsflow.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a {@link ConsumerLoop} reads from: commits, rewinds, resumes and measures its lag. */
final class Positions {
  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Function<String, Map<Integer, Long>> storedPositions;

  Positions(
      KafkaConsumer<byte[], byte[]> consumer,
      String topic,
      Function<String, Map<Integer, Long>> storedPositions) {
    this.consumer = consumer;
    this.topic = topic;
    this.storedPositions = storedPositions;
  }

  /** Subscribes to the topic, resuming each assigned partition from the stored positions. */
  void subscribe() {
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            resumeFromStore(partitions);
          }

          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
  }

  void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      offsets.put(
          new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
    }
    // the positions that count are in the database (see resumeFromStore); Kafka's copy is for
    // lag tools and for members that start with an empty database, so it need not be waited for
    consumer.commitAsync(
        offsets,
        (done, error) -> {
          if (error != null) {
            log.debug("offset commit on {} failed: {}", topic, error.toString());
          }
        });
  }

  void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    first.forEach(consumer::seek);
  }

  /**
   * Seeks to the positions stored with the database's own commits. Kafka's committed offsets can be
   * ahead of them when the database lost its last commits (or was restored from a backup): the
   * records in between are read again, and applied again only if the database does not have them.
   */
  void resumeFromStore(Collection<TopicPartition> partitions) {
    Map<Integer, Long> stored = storedPositions.apply(topic);
    for (TopicPartition tp : partitions) {
      Long next = stored.get(tp.partition());
      if (next != null) {
        consumer.seek(tp, next);
      }
    }
  }

  long lag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      total += consumer.currentLag(tp).orElse(0);
    }
    return total;
  }
}
