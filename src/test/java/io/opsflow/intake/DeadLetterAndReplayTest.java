package io.opsflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.incident.AlertRecordHandler;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.RecordHandler;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TestDatabase;
import io.opsflow.testing.TestKafka;
import io.opsflow.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Poison records go to the DLQ without holding others back; replaying the log changes nothing. */
class DeadLetterAndReplayTest {

  @Test
  void aPoisonRecordIsDeadLetteredAndTheNextRecordIsStillProcessed() throws Exception {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    TestApp.Tenant tenant = app.aCustomerOrg();
    String integration = tenant.integration();
    String sre = tenant.sre();
    String poisonKey = "poison-" + UUID.randomUUID();
    byte[] poison = "{\"specversion\":\"1.0\", this is not json".getBytes(StandardCharsets.UTF_8);
    byte[] unknownType =
        ("{\"specversion\":\"1.0\",\"id\":\""
                + UUID.randomUUID()
                + "\",\"source\":\"/x\","
                + "\"type\":\"com.example.unknown\",\"time\":\"2026-11-23T00:00:00Z\","
                + "\"integrationid\":\"i\",\"organizationid\":\"o\",\"data\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(KafkaClients.producerProperties(TestKafka.bootstrap(), "test"))) {
      // same key, so the same partition as each other: the good record waits behind them
      producer.send(record(poisonKey, poison)).get();
      producer.send(record(poisonKey, unknownType)).get();
    }
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 1);

    List<ConsumerRecord<byte[], byte[]>> dead = awaitDeadLetters(poisonKey, 2);
    assertThat(dead.get(0).value()).isEqualTo(poison);
    assertThat(header(dead.get(0), "opsflow.dlq.reason")).contains("not JSON");
    assertThat(header(dead.get(0), "opsflow.dlq.topic")).isEqualTo(Topics.ALERTS);
    assertThat(dead.get(1).value()).isEqualTo(unknownType);
    assertThat(header(dead.get(1), "opsflow.dlq.reason")).contains("unknown alert type");
    assertThat(api.get("/health", null).status()).isEqualTo(200);
  }

  @Test
  void replayingTheAlertLogChangesNothingAndRebuildsAFreshDatabase() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    TestApp.Tenant tenant = app.aCustomerOrg();
    String integration = tenant.integration();
    String sre = tenant.sre();
    api.post(
        "/api/v1/integrations/alertmanager", integration, Samples.read("alertmanager-firing.json"));
    api.post(
        "/api/v1/integrations/alertmanager", integration, Samples.read("alertmanager-firing.json"));
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-resolve.json", integration));
    JsonNode before =
        api.await(
            "/api/v1/incidents",
            sre,
            // every envelope applied: two notifications on each incident (the two alert
            // consumers apply partitions in parallel, so one incident can lag the other)
            p ->
                p.path("items").size() == 2
                    && p.path("items").findValuesAsText("status").contains("resolved")
                    && p.path("items").findValuesAsText("eventCount").equals(List.of("2", "2")));

    List<ConsumerRecord<byte[], byte[]>> log = TopicProbe.readAll(Topics.ALERTS);
    RecordHandler replay =
        new AlertRecordHandler(
            "replay-test",
            app.app().database(),
            new IncidentEventCodec(),
            () -> {},
            new SimpleMeterRegistry());
    assertThat(replayHandledWithoutRejects(replay, log)).isTrue();
    JsonNode after = api.get("/api/v1/incidents", sre).body();
    assertThat(after.path("items").findValuesAsText("eventCount"))
        .isEqualTo(before.path("items").findValuesAsText("eventCount"));
    assertThat(after.path("items").findValuesAsText("status"))
        .isEqualTo(before.path("items").findValuesAsText("status"));
    assertThat(after.path("items")).hasSize(2);

    try (TestDatabase fresh = TestDatabase.create();
        Database db = Database.open(fresh.url(), fresh.user(), fresh.password(), 2)) {
      new AlertRecordHandler(
              "rebuild-test", db, new IncidentEventCodec(), () -> {}, new SimpleMeterRegistry())
          .handle(log);
      List<String> statuses =
          db.inTransaction(
              s ->
                  s.createNativeQuery(
                          "select status from incident where organization_id = :o order by status",
                          String.class)
                      .setParameter("o", before.path("items").get(0).path("organization").asText())
                      .getResultList());
      assertThat(statuses).containsExactly("RESOLVED", "TRIGGERED");
    }
  }

  private static boolean replayHandledWithoutRejects(
      RecordHandler handler, List<ConsumerRecord<byte[], byte[]>> log) {
    try {
      // poison records written by other tests are refused again, and nothing else
      return handler.handle(log).stream()
          .allMatch(
              r -> new String(r.record().key(), StandardCharsets.UTF_8).startsWith("poison-"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
    return new ProducerRecord<>(Topics.ALERTS, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(String key, int count) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      List<ConsumerRecord<byte[], byte[]>> matching =
          TopicProbe.readAll(Topics.DLQ).stream()
              .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
              .toList();
      if (matching.size() >= count || System.nanoTime() > deadline) {
        assertThat(matching).hasSize(count);
        return matching;
      }
    }
  }
}
