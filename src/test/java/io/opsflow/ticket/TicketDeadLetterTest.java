package io.opsflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TestKafka;
import io.opsflow.testing.TopicProbe;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Role;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Ticket commands that cannot apply (not a command, a comment on a closed ticket, another
 * organization's ticket) go to the DLQ with the reason and the original bytes; the commands written
 * beside them are applied, and the consumer goes on.
 */
class TicketDeadLetterTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void refusedCommandsGoToTheDeadLetterTopicAndTheOthersApply() throws Exception {
    TestApp.Tenant t = app.aCustomerOrg();
    String ticket = UUID.randomUUID().toString();
    String closed = UUID.randomUUID().toString();
    Actor sre = new Actor(null, "user:alice", Role.SRE, t.organization());
    Actor stranger = new Actor(null, "user:eve", Role.CUSTOMER, "someone-else");
    Instant now = Instant.now();
    byte[] poison = "{not a ticket command".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(KafkaClients.producerProperties(TestKafka.bootstrap(), "test"))) {
      send(producer, "poison-" + ticket, poison);
      send(producer, closed, open(closed, t.organization(), sre, now));
      send(
          producer,
          closed,
          TicketEnvelopes.encode(
                  new TicketCommand.SetStatus(closed, TicketStatus.CLOSED, "done"), sre, now)
              .encode());
      send(
          producer,
          closed,
          TicketEnvelopes.encode(
                  new TicketCommand.Comment(
                      closed,
                      UUID.randomUUID().toString(),
                      io.opsflow.ticket.model.Visibility.PUBLIC,
                      "too late",
                      "api",
                      List.of()),
                  sre,
                  now)
              .encode());
      send(producer, ticket, open(ticket, t.organization(), sre, now));
      send(
          producer,
          ticket,
          TicketEnvelopes.encode(
                  new TicketCommand.SetStatus(ticket, TicketStatus.RESOLVED, "nosy"), stranger, now)
              .encode());
    }
    JsonNode applied = api.await("/api/v1/tickets/" + ticket, t.sre(), x -> x.has("status"));
    assertThat(applied.path("status").asText()).isEqualTo("new");
    api.await(
        "/api/v1/tickets/" + closed, t.sre(), x -> x.path("status").asText().equals("closed"));

    List<ConsumerRecord<byte[], byte[]>> dead =
        awaitDead(List.of("poison-" + ticket, closed, ticket), 3);
    assertThat(reasons(dead))
        .anyMatch(r -> r.contains("not JSON") || r.contains("envelope"))
        .anyMatch(r -> r.contains("is closed"))
        .anyMatch(r -> r.contains("not found"));
    assertThat(dead.stream().filter(r -> new String(r.key()).startsWith("poison-")).findFirst())
        .hasValueSatisfying(r -> assertThat(r.value()).isEqualTo(poison));
    // the consumer goes on
    String after = UUID.randomUUID().toString();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(KafkaClients.producerProperties(TestKafka.bootstrap(), "test"))) {
      send(producer, after, open(after, t.organization(), sre, Instant.now()));
    }
    api.await("/api/v1/tickets/" + after, t.sre(), x -> x.has("status"));
  }

  private static byte[] open(String id, String org, Actor a, Instant at) {
    return TicketEnvelopes.encode(
            new TicketCommand.Open(
                id, org, "disk full", "", "P-2", "api", null, List.of(), List.of(), null),
            a,
            at)
        .encode();
  }

  private static void send(KafkaProducer<byte[], byte[]> p, String key, byte[] value)
      throws Exception {
    p.send(new ProducerRecord<>(Topics.TICKETS, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private static List<String> reasons(List<ConsumerRecord<byte[], byte[]>> dead) {
    return dead.stream()
        .map(
            r ->
                new String(
                    r.headers().lastHeader("opsflow.dlq.reason").value(), StandardCharsets.UTF_8))
        .toList();
  }

  private static List<ConsumerRecord<byte[], byte[]>> awaitDead(List<String> keys, int count) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      List<ConsumerRecord<byte[], byte[]>> matching =
          TopicProbe.readAll(Topics.DLQ).stream()
              .filter(r -> keys.contains(new String(r.key(), StandardCharsets.UTF_8)))
              .toList();
      if (matching.size() >= count || System.nanoTime() > deadline) {
        assertThat(matching).hasSize(count);
        return matching;
      }
    }
  }
}
