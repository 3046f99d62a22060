package io.opsflow.cli.bench;

import io.opsflow.kafka.Topics;
import io.opsflow.ticket.model.TicketEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code opsflow.events} from its end on, noting when each ticket's created event arrived.
 */
final class CreatedEvents implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean running = true;

  CreatedEvents(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> parts =
        consumer.partitionsFor(Topics.EVENTS).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position);
    reader = new Thread(this::read, "bench-created-events");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    while (running) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
        long now = System.nanoTime();
        try {
          if (TicketEvent.CREATED.equals(
              TicketCreation.JSON.readTree(r.value()).path("type").asText())) {
            seen.putIfAbsent(r.key(), now);
          }
        } catch (Exception e) {
          // not a CloudEvent: not ours
        }
      }
    }
  }

  Long seen(String id) {
    return seen.get(id);
  }

  /** Waits until every accepted ticket of {@code ids} was seen, or the deadline. */
  void awaitAll(String[] ids, long deadline) throws InterruptedException {
    for (String id : ids) {
      while (id != null && !seen.containsKey(id) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(5_000);
    consumer.close();
  }
}
