package io.opsflow.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Conflicts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport half of a consumer: poll, hand the batch to a {@link RecordHandler}, send refused
 * records to {@code opsflow.dlq}, then commit offsets. Offsets are committed only after the
 * handler's transaction and the dead letters are durable; a stop finishes the batch in hand or
 * leaves it uncommitted. While the database is down nothing is dead-lettered: the batch waits.
 */
public final class ConsumerLoop implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> dlqProducer;
  private final RecordHandler handler;
  private final BooleanSupplier storeHealthy;
  private final Function<String, Map<Integer, Long>> storedPositions;
  private final Counter consumed;
  private final Counter deadLettered;
  private final Counter conflicts;
  private final Counter splitBatches;
  private final AtomicLong lag = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean alive = true;

  public ConsumerLoop(
      String bootstrap,
      String groupId,
      String instanceId,
      String topic,
      RecordHandler handler,
      KafkaProducer<byte[], byte[]> dlqProducer,
      BooleanSupplier storeHealthy,
      Function<String, Map<Integer, Long>> storedPositions,
      MeterRegistry metrics) {
    this.topic = topic;
    this.storedPositions = storedPositions;
    this.handler = handler;
    this.dlqProducer = dlqProducer;
    this.storeHealthy = storeHealthy;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + topic);
    if (instanceId != null) {
      // static membership: a restarted instance takes its partitions back at once instead of
      // waiting for the session of its killed predecessor to time out
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupId + "-" + instanceId);
    }
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.consumed = metrics.counter("opsflow.records.consumed", "topic", topic);
    this.deadLettered = metrics.counter("opsflow.records.dead.lettered", "topic", topic);
    this.conflicts = metrics.counter("opsflow.records.conflicts.retried", "topic", topic);
    this.splitBatches = metrics.counter("opsflow.records.batches.split", "topic", topic);
    Gauge.builder("opsflow.consumer.lag", lag, AtomicLong::get)
        .tag("topic", topic)
        .tag("member", instanceId == null ? groupId : instanceId)
        .description("records on the topic not yet processed")
        .register(metrics);
  }

  @Override
  public void run() {
    try {
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
      while (running) {
        ConsumerRecords<byte[], byte[]> polled;
        try {
          polled = consumer.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          break;
        }
        updateLag();
        if (polled.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        boolean done;
        try {
          done = process(batch);
        } catch (RuntimeException e) {
          // e.g. the dead-letter topic cannot be written: keep the batch, try again shortly
          log.warn("batch of {} on {} kept for a retry: {}", batch.size(), topic, e.toString());
          pause(Duration.ofSeconds(1));
          done = false;
        }
        if (done) {
          commit(batch);
          consumed.increment(batch.size());
        } else {
          rewind(batch);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("consumer of {} stopped by an unexpected error", topic, e);
    } finally {
      alive = false;
      consumer.close(Duration.ofSeconds(5));
      stopped.countDown();
    }
  }

  /**
   * @return true when every record was applied or dead-lettered; false to retry the batch
   */
  private boolean process(List<ConsumerRecord<byte[], byte[]>> batch) {
    try {
      deadLetter(handleRetryingConflicts(batch));
      return true;
    } catch (Exception batchFailure) {
      if (!storeHealthy.getAsBoolean()) {
        log.warn(
            "store unavailable, {} records of {} wait: {}",
            batch.size(),
            topic,
            batchFailure.toString());
        pause(Duration.ofSeconds(1));
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
          deadLetter(rejected);
          return false;
        }
        rejected.add(new RecordHandler.Rejected(r, "processing failed: " + e));
      }
    }
    deadLetter(rejected);
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
        pause(Duration.ofMillis(10L * attempt));
      }
    }
  }

  private void deadLetter(List<RecordHandler.Rejected> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    try {
      for (RecordHandler.Rejected x : rejected) {
        ConsumerRecord<byte[], byte[]> r = x.record();
        RecordHeaders h = new RecordHeaders();
        r.headers().forEach(h::add);
        h.add("opsflow.dlq.reason", utf8(x.reason()));
        h.add("opsflow.dlq.topic", utf8(r.topic()));
        h.add("opsflow.dlq.partition", utf8(Integer.toString(r.partition())));
        h.add("opsflow.dlq.offset", utf8(Long.toString(r.offset())));
        h.add("opsflow.dlq.at", utf8(Instant.now().toString()));
        dlqProducer.send(new ProducerRecord<>(Topics.DLQ, null, r.key(), r.value(), h));
        log.warn("{}-{}@{} dead-lettered: {}", r.topic(), r.partition(), r.offset(), x.reason());
      }
      dlqProducer.flush();
      deadLettered.increment(rejected.size());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot write to " + Topics.DLQ, e);
    }
  }

  private void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
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

  private void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
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
  private void resumeFromStore(Collection<TopicPartition> partitions) {
    Map<Integer, Long> stored = storedPositions.apply(topic);
    for (TopicPartition tp : partitions) {
      Long next = stored.get(tp.partition());
      if (next != null) {
        consumer.seek(tp, next);
      }
    }
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      total += consumer.currentLag(tp).orElse(0);
    }
    lag.set(total);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** False once the loop has ended; reported on {@code /health}. */
  public boolean alive() {
    return alive;
  }

  /** Stops after the batch in hand; waits up to 30 s for the loop to finish. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
