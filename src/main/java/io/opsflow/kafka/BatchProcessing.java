package io.opsflow.kafka;

import io.micrometer.core.instrument.Counter;
import io.opsflow.db.Conflicts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a polled batch to the {@link RecordHandler}: retries lost races, falls back to record by
 * record when the batch fails, and dead-letters what is refused. While the database is down nothing
 * is dead-lettered: the batch waits.
 */
final class BatchProcessing {
  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final String topic;
  private final RecordHandler handler;
  private final BooleanSupplier storeHealthy;
  private final DeadLetters deadLetters;
  private final Counter conflicts;
  private final Counter splitBatches;
  private final Consumer<Duration> pause;

  BatchProcessing(
      String topic,
      RecordHandler handler,
      BooleanSupplier storeHealthy,
      DeadLetters deadLetters,
      Counter conflicts,
      Counter splitBatches,
      Consumer<Duration> pause) {
    this.topic = topic;
    this.handler = handler;
    this.storeHealthy = storeHealthy;
    this.deadLetters = deadLetters;
    this.conflicts = conflicts;
    this.splitBatches = splitBatches;
    this.pause = pause;
  }

  /**
   * @return true when every record was applied or dead-lettered; false to retry the batch
   */
  boolean process(List<ConsumerRecord<byte[], byte[]>> batch) {
    try {
      deadLetters.send(handleRetryingConflicts(batch));
      return true;
    } catch (Exception batchFailure) {
      if (!storeHealthy.getAsBoolean()) {
        log.warn(
            "store unavailable, {} records of {} wait: {}",
            batch.size(),
            topic,
            batchFailure.toString());
        pause.accept(Duration.ofSeconds(1));
        return false;
      }
      splitBatches.increment();
      log.warn(
          "batch of {} on {} failed ({}); retrying record by record",
          batch.size(),
          topic,
          batchFailure.toString());
    }
    List<RecordHandler.Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      try {
        rejected.addAll(handleRetryingConflicts(List.of(r)));
      } catch (Exception e) {
        if (!storeHealthy.getAsBoolean()) {
          deadLetters.send(rejected);
          return false;
        }
        rejected.add(new RecordHandler.Rejected(r, "processing failed: " + e));
      }
    }
    deadLetters.send(rejected);
    return true;
  }

  /**
   * Runs the handler, again when it lost a race with another writer of the same rows (an
   * optimistic-lock conflict or a serialization failure): that is contention, not a bad record.
   */
  private List<RecordHandler.Rejected> handleRetryingConflicts(
      List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return handler.handle(records);
      } catch (Exception e) {
        if (attempt >= 5 || !Conflicts.isConflict(e)) {
          throw e;
        }
        conflicts.increment();
        pause.accept(Duration.ofMillis(10L * attempt));
      }
    }
  }
}
