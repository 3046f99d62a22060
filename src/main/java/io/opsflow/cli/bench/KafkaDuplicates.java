package io.opsflow.cli.bench;

import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code kafka-duplicates}: opens one incident per group, then floods {@code opsflow.alerts} with
 * repeat PagerDuty triggers for those groups, written straight to the broker with {@code acks=all}.
 * Throughput is alerts over the time from the first send until the consumer has read them all.
 */
final class KafkaDuplicates {
  private KafkaDuplicates() {}

  static BenchResult run(BenchContext c) throws Exception {
    if (c.kafkaBootstrap() == null) {
      throw new IllegalArgumentException("kafka-duplicates needs --kafka with --url");
    }
    BenchApi.requireLoopback(c.kafkaBootstrap().split(",")[0].replaceAll(":\\d+$", ""));
    byte[][] data = new byte[c.groups()][];
    for (int g = 0; g < c.groups(); g++) {
      data[g] = trigger(c.dedupKey(g)).getBytes(StandardCharsets.UTF_8);
    }
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(KafkaClients.producerProperties(c.kafkaBootstrap(), "opsflow-bench"))) {
      double before = c.consumed();
      for (int g = 0; g < c.groups(); g++) {
        producer.send(record(c, g, data[g]), (m, e) -> count(failed, e));
      }
      producer.flush();
      c.awaitIncidents(true);
      c.awaitConsumed(before + c.groups());
      double baseline = c.consumed();
      c.say("opened " + c.groups() + " incidents; encoding " + c.alerts() + " duplicates");
      @SuppressWarnings("unchecked")
      ProducerRecord<byte[], byte[]>[] flood = new ProducerRecord[c.alerts()];
      for (int i = 0; i < flood.length; i++) {
        int g = i % c.groups();
        flood[i] = record(c, g, data[g]);
      }
      long t0 = System.nanoTime();
      for (ProducerRecord<byte[], byte[]> r : flood) {
        producer.send(r, (m, e) -> count(failed, e));
      }
      producer.flush();
      long produced = System.nanoTime();
      long t1 = c.awaitConsumed(baseline + c.alerts());
      double seconds = (t1 - t0) / 1e9;
      int incidents = c.awaitIncidents().size();
      long events = awaitEvents(c, (long) c.groups() + c.alerts());
      return new BenchResult(
          "kafka-duplicates",
          c.alerts(),
          c.groups(),
          seconds,
          c.alerts() / seconds,
          incidents,
          null,
          null,
          Map.of(
              "produceSeconds", BenchResult.round((produced - t0) / 1e9),
              "produceFailures", failed.get(),
              "eventCountSum", events));
    }
  }

  /** The incidents' eventCount sum once it reaches {@code expected} (or the timeout ends). */
  private static long awaitEvents(BenchContext c, long expected) throws Exception {
    long deadline = System.nanoTime() + c.timeout().toNanos();
    long events = c.events();
    while (events < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      events = c.events();
    }
    return events;
  }

  private static void count(AtomicLong failed, Exception e) {
    if (e != null) {
      failed.incrementAndGet();
    }
  }

  private static ProducerRecord<byte[], byte[]> record(BenchContext c, int g, byte[] data) {
    BenchApi.Integration in = c.integration();
    CloudEvent event =
        new CloudEvent(
            EnvelopeIds.next(),
            "/integrations/" + in.id(),
            EnvelopeTypes.PAGERDUTY,
            Instant.now(),
            c.dedupKey(g),
            Map.of(
                EnvelopeTypes.INTEGRATION, in.id(),
                EnvelopeTypes.ORGANIZATION, in.organizationId()),
            data);
    byte[] key = (in.id() + ":" + c.dedupKey(g)).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(Topics.ALERTS, key, event.encode());
  }

  /** A PagerDuty Events v2 trigger, as intake stores it (without the routing key). */
  static String trigger(String dedupKey) {
    return BenchApi.JSON
        .createObjectNode()
        .put("event_action", "trigger")
        .put("dedup_key", dedupKey)
        .set(
            "payload",
            BenchApi.JSON
                .createObjectNode()
                .put("summary", "Disk usage on " + dedupKey + " above 90%")
                .put("source", dedupKey + ".bench.example.invalid")
                .put("severity", "critical")
                .put("component", "postgres")
                .put("group", "bench"))
        .toString();
  }
}
