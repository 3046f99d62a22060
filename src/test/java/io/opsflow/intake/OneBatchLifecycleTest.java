package io.opsflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer batch that opens an incident after writing to another one (its resolve, a new alert)
 * and then moves the new incident on (acknowledge, resolve, a second alert of its group) applies in
 * order, in one transaction, through the real broker: it never falls back to one record at a time,
 * and nothing is dead-lettered.
 */
class OneBatchLifecycleTest {
  private TestApp app;
  private ApiCalls api;
  private TestApp.Tenant tenant;
  private Envelopes.Sender sender;

  @BeforeEach
  void aTenant() {
    app = TestApp.shared();
    api = app.api();
    tenant = app.aCustomerOrg();
    sender = new Envelopes.Sender(tenant.integrationId(), "prometheus", tenant.organization());
  }

  @Test
  void aTriggerItsAcknowledgeAndItsResolveBehindAnotherIncidentsResolveCommitAsOneBatch()
      throws Exception {
    String earlier = "earlier-" + UUID.randomUUID();
    String later = "later-" + UUID.randomUUID();
    produceTogether(List.of(pagerDuty("trigger", earlier)));
    awaitIncidents(p -> p.path("items").size() == 1);
    double split = splitBatches();
    double dead = deadLettered();

    produceTogether(
        List.of(
            pagerDuty("resolve", earlier),
            pagerDuty("trigger", later),
            pagerDuty("acknowledge", later),
            pagerDuty("resolve", later)));

    JsonNode incidents =
        awaitIncidents(
            p ->
                p.path("items").size() == 2
                    && p.path("items")
                        .findValuesAsText("status")
                        .equals(List.of("resolved", "resolved")));
    JsonNode opened = byAlertKey(incidents, later);
    assertThat(opened.path("acknowledgedAt").isNull()).isFalse();
    assertThat(splitBatches()).isEqualTo(split);
    assertThat(deadLettered()).isEqualTo(dead);
  }

  @Test
  void aGroupOpenedBehindAnotherIncidentsAlertTakesItsSecondAlertInTheSameBatch() throws Exception {
    String earlier = "earlier-" + UUID.randomUUID();
    produceTogether(List.of(pagerDuty("trigger", earlier)));
    awaitIncidents(p -> p.path("items").size() == 1);
    double split = splitBatches();
    double dead = deadLettered();
    String firing = Samples.read("alertmanager-firing.json");
    JsonNode sample = parse(firing);

    produceTogether(
        List.of(
            pagerDuty("resolve", earlier),
            alertmanager(firstAlertOnly(firing)),
            alertmanager(firing),
            alertmanager(Samples.read("alertmanager-resolved.json"))));

    JsonNode incidents =
        awaitIncidents(
            p ->
                p.path("items").size() == 2
                    && p.path("items")
                        .findValuesAsText("status")
                        .equals(List.of("resolved", "resolved")));
    assertThat(byAlertKey(incidents, sample.path("groupKey").asText()).path("alertCount").asInt())
        .isEqualTo(2);
    assertThat(splitBatches()).isEqualTo(split);
    assertThat(deadLettered()).isEqualTo(dead);
  }

  @Test
  void anIncidentResolvedBeforeTriageRanHasBothClocksStoppedAndMetOnTheApiAndTheTimeline()
      throws Exception {
    String key = "before-triage-" + UUID.randomUUID();
    produceTogether(List.of(pagerDuty("trigger", key), pagerDuty("resolve", key)));
    String id =
        awaitIncidents(p -> p.path("items").size() == 1).path("items").get(0).path("id").asText();

    JsonNode detail =
        api.await(
            "/api/v1/incidents/" + id,
            tenant.sre(),
            d ->
                d.path("timeline").findValuesAsText("message").stream()
                        .filter(
                            m -> m.startsWith("SLA response m") || m.startsWith("SLA resolution m"))
                        .count()
                    == 2);
    assertThat(detail.path("status").asText()).isEqualTo("resolved");
    assertThat(detail.path("sla")).hasSize(2);
    for (JsonNode clock : detail.path("sla")) {
      // clocks keep milliseconds
      assertThat(java.time.Instant.parse(clock.path("stoppedAt").asText()))
          .isEqualTo(
              java.time.Instant.parse(detail.path("resolvedAt").asText())
                  .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      assertThat(clock.path("met").asBoolean()).as(clock.toString()).isTrue();
      assertThat(clock.path("breached").asBoolean()).isFalse();
    }
    List<String> lines = detail.path("timeline").findValuesAsText("message");
    assertThat(lines).anyMatch(m -> m.startsWith("SLA response met: stopped "));
    assertThat(lines).anyMatch(m -> m.startsWith("SLA resolution met: stopped "));
    assertThat(lines).noneMatch(m -> m.contains("missed") || m.contains("breached"));
  }

  private JsonNode awaitIncidents(java.util.function.Predicate<JsonNode> done) {
    return api.await("/api/v1/incidents", tenant.sre(), done);
  }

  private static JsonNode byAlertKey(JsonNode incidents, String alertKey) {
    for (JsonNode i : incidents.path("items")) {
      if (alertKey.equals(i.path("alertKey").asText())) {
        return i;
      }
    }
    throw new AssertionError("no incident " + alertKey + " in " + incidents);
  }

  private byte[] pagerDuty(String action, String dedupKey) {
    String body =
        Samples.read("pagerduty-trigger.json")
            .replace("db-primary-disk-usage", dedupKey)
            .replace("\"event_action\": \"trigger\"", "\"event_action\": \"" + action + "\"");
    return Envelopes.of(
            EnvelopeTypes.PAGERDUTY, sender, dedupKey, body.getBytes(StandardCharsets.UTF_8))
        .encode();
  }

  private byte[] alertmanager(String body) {
    String groupKey = parse(body).path("groupKey").asText();
    return Envelopes.of(
            EnvelopeTypes.ALERTMANAGER, sender, groupKey, body.getBytes(StandardCharsets.UTF_8))
        .encode();
  }

  /** The firing notification as Alertmanager sends it before the group's second alert fires. */
  private static String firstAlertOnly(String firing) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        (com.fasterxml.jackson.databind.node.ObjectNode) parse(firing);
    ((com.fasterxml.jackson.databind.node.ArrayNode) n.path("alerts")).remove(1);
    return n.toString();
  }

  /**
   * Sends the envelopes to one partition as one producer batch, so one consumer polls them
   * together.
   */
  private static void produceTogether(List<byte[]> envelopes) throws Exception {
    Properties props = KafkaClients.producerProperties(TestKafka.bootstrap(), "one-batch-test");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "1000");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (byte[] envelope : envelopes) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.ALERTS, 0, "one-batch".getBytes(StandardCharsets.UTF_8), envelope)));
      }
      producer.flush();
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return ApiCalls.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private double splitBatches() {
    return metric("opsflow_records_batches_split_total{topic=\"opsflow.alerts\"");
  }

  private double deadLettered() {
    return metric("opsflow_records_dead_lettered_total{topic=\"opsflow.alerts\"");
  }

  private double metric(String prefix) {
    return api.get("/metrics", null)
        .raw()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
