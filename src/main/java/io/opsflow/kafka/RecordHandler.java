package io.opsflow.kafka;

import java.util.List;
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

  /** A record that cannot be processed, and why. */
  record Rejected(ConsumerRecord<byte[], byte[]> record, String reason) {}
}
