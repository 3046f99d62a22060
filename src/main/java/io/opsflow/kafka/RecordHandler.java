package io.opsflow.kafka;

import io.opsflow.db.ConsumerOffsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a {@link ConsumerLoop} calls with each polled batch. It applies what it can in one
 * transaction and returns the records it refused (each with its reason) for the dead-letter topic.
 * Throwing means nothing of the batch was applied: the loop then retries the records one by one, so
 * one bad record can never hold the others back.
 */
@FunctionalInterface
public interface RecordHandler {

  List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) throws Exception;

  /** The position after each partition's last record: what to store with the batch's effects. */
  static Map<ConsumerOffsets.Position, Long> nextPositions(
      List<ConsumerRecord<byte[], byte[]>> records) {
    Map<ConsumerOffsets.Position, Long> next = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      next.merge(new ConsumerOffsets.Position(r.topic(), r.partition()), r.offset() + 1, Math::max);
    }
    return next;
  }

  /** A record that cannot be processed, and why. */
  record Rejected(ConsumerRecord<byte[], byte[]> record, String reason) {}
}
