package io.opsflow.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.WakeupException;
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
  private final Positions positions;
  private final Counter consumed;
  private final BatchProcessing batches;
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
    this.consumer =
        new KafkaConsumer<>(
            ConsumerSettings.of(bootstrap, groupId, instanceId, topic),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.positions = new Positions(consumer, topic, storedPositions);
    this.consumed = metrics.counter("opsflow.records.consumed", "topic", topic);
    this.batches =
        new BatchProcessing(
            topic,
            handler,
            storeHealthy,
            new DeadLetters(
                dlqProducer, metrics.counter("opsflow.records.dead.lettered", "topic", topic)),
            metrics.counter("opsflow.records.conflicts.retried", "topic", topic),
            metrics.counter("opsflow.records.batches.split", "topic", topic),
            this::pause);
    Gauge.builder("opsflow.consumer.lag", lag, AtomicLong::get)
        .tag("topic", topic)
        .tag("member", instanceId == null ? groupId : instanceId)
        .description("records on the topic not yet processed")
        .register(metrics);
  }

  @Override
  public void run() {
    try {
      positions.subscribe();
      while (running) {
        ConsumerRecords<byte[], byte[]> polled;
        try {
          polled = consumer.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          break;
        }
        lag.set(positions.lag());
        if (polled.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        boolean done;
        try {
          done = batches.process(batch);
        } catch (RuntimeException e) {
          // e.g. the dead-letter topic cannot be written: keep the batch, try again shortly
          log.warn("batch of {} on {} kept for a retry: {}", batch.size(), topic, e.toString());
          pause(Duration.ofSeconds(1));
          done = false;
        }
        if (done) {
          positions.commit(batch);
          consumed.increment(batch.size());
        } else {
          positions.rewind(batch);
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
