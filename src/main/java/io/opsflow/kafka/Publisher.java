package io.opsflow.kafka;

import io.opsflow.http.ApiException;
import io.opsflow.http.Failures;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes accepted requests to Kafka and waits for the broker's acknowledgement (acks=all,
 * idempotent producer): an HTTP 202 means the record is durable.
 */
public final class Publisher {
  private final KafkaProducer<byte[], byte[]> producer;
  private final long timeoutMillis;

  public Publisher(KafkaProducer<byte[], byte[]> producer) {
    this(producer, java.time.Duration.ofSeconds(15));
  }

  /** A publisher that gives up waiting for the acknowledgement after {@code timeout}. */
  public Publisher(KafkaProducer<byte[], byte[]> producer, java.time.Duration timeout) {
    this.producer = producer;
    this.timeoutMillis = timeout.toMillis();
  }

  public void publish(String topic, String key, CloudEvent event) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), event.encode()))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e);
    }
  }

  /** A record to publish: its key and envelope. */
  public record Keyed(String key, CloudEvent event) {}

  /** Sends every record, then waits for all the acknowledgements. */
  public void publishAll(String topic, java.util.List<Keyed> records) {
    java.util.List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
    for (Keyed r : records) {
      acks.add(
          producer.send(
              new ProducerRecord<>(
                  topic, r.key().getBytes(StandardCharsets.UTF_8), r.event().encode())));
    }
    try {
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get(timeoutMillis, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(Exception e) {
    String id = Failures.logged("the event log did not acknowledge a write", e);
    return new ApiException(
        503,
        "unavailable",
        "the event log did not acknowledge the write; retry (error id " + id + ")",
        id);
  }
}
