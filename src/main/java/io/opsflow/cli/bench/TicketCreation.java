package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.kafka.Topics;
import io.opsflow.ticket.model.TicketEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ticket-create}: a customer opens tickets through {@code POST /api/v1/tickets} at a steady
 * {@code rate} for {@code seconds}. p50/p99 are the API's answer times (the 202 comes once the
 * command is durable on Kafka). The time until each ticket exists (consumer applied it in one
 * transaction with its clocks and the event) is read from its {@code io.opsflow.ticket.created}
 * event on {@code opsflow.events}, by a Kafka consumer of the bench's own, so that measuring adds
 * no load to the instance: appliedP50Ms and appliedP99Ms, over every accepted ticket.
 */
final class TicketCreation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TicketCreation() {}

  /** Seconds of tickets at the rate sent first, awaited until applied, and not measured. */
  static final int WARMUP_SECONDS = 5;

  static BenchResult run(BenchContext c) throws Exception {
    String customer = c.api().userToken("bench-customer-" + c.runId(), "bench", "customer");
    try (CreatedEvents created = new CreatedEvents(c.kafkaBootstrap())) {
      Wave warm = new Wave(c.rate() * WARMUP_SECONDS);
      warm.send(c, customer, "w");
      created.awaitAll(warm.ids, System.nanoTime() + c.timeout().toNanos());
      c.say("warm-up: " + warm.accepted + " tickets applied");
      Wave wave = new Wave(c.rate() * c.seconds());
      double seconds = wave.send(c, customer, "m");
      created.awaitAll(wave.ids, System.nanoTime() + c.timeout().toNanos());
      int total = wave.ids.length;
      long[] applied = new long[total];
      int appliedCount = 0;
      for (int n = 0; n < total; n++) {
        Long at = wave.ids[n] == null ? null : created.seen(wave.ids[n]);
        if (at != null) {
          applied[appliedCount++] = at - wave.sentAt[n];
        }
      }
      Map<String, Double> http = BenchResult.percentiles(wave.answer, total);
      Map<String, Double> app =
          BenchResult.percentiles(Arrays.copyOf(applied, appliedCount), appliedCount);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("rate", c.rate());
      extra.put("warmupTickets", warm.accepted.get());
      extra.put("rejected", total - wave.accepted.get());
      extra.put("httpP90Ms", http.get("p90"));
      extra.put("httpMaxMs", http.get("max"));
      extra.put("appliedSamples", appliedCount);
      extra.put("appliedP50Ms", app.get("p50"));
      extra.put("appliedP99Ms", app.get("p99"));
      extra.put("appliedMaxMs", app.get("max"));
      return new BenchResult(
          "ticket-create",
          total,
          1,
          seconds,
          wave.accepted.get() / seconds,
          0,
          http.get("p50"),
          http.get("p99"),
          extra);
    }
  }

  /** Tickets sent at the rate: when each left, how long its answer took, the id it got. */
  private static final class Wave {
    final long[] sentAt;
    final long[] answer;
    final String[] ids;
    final AtomicInteger accepted = new AtomicInteger();

    Wave(int total) {
      sentAt = new long[total];
      answer = new long[total];
      ids = new String[total];
    }

    /** Sends the wave at {@code c.rate()} a second; returns the seconds it took. */
    double send(BenchContext c, String customer, String tag) throws InterruptedException {
      ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, c.clients()));
      long period = 1_000_000_000L / c.rate();
      long t0 = System.nanoTime();
      for (int k = 0; k < ids.length; k++) {
        LockSupport.parkNanos(t0 + k * period - System.nanoTime());
        int n = k;
        senders.execute(
            () -> {
              String body =
                  JSON.createObjectNode()
                      .put("subject", "bench " + c.runId() + " " + tag + n)
                      .put("description", "opened by opsflow bench")
                      .put("priority", "P-2")
                      .toString();
              long s = System.nanoTime();
              sentAt[n] = s;
              try {
                HttpResponse<String> r = c.api().send("/api/v1/tickets", customer, body);
                answer[n] = System.nanoTime() - s;
                if (r.statusCode() == 202) {
                  ids[n] = JSON.readTree(r.body()).path("id").asText();
                  accepted.incrementAndGet();
                }
              } catch (Exception e) {
                answer[n] = System.nanoTime() - s;
              }
            });
      }
      senders.shutdown();
      senders.awaitTermination(c.timeout().toSeconds(), TimeUnit.SECONDS);
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /**
   * Reads {@code opsflow.events} from its end on, noting when each ticket's created event arrived.
   */
  private static final class CreatedEvents implements AutoCloseable {
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
            if (TicketEvent.CREATED.equals(JSON.readTree(r.value()).path("type").asText())) {
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
}
