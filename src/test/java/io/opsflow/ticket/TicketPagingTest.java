package io.opsflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TestKafka;
import io.opsflow.testing.TopicProbe;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Role;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A P-0 ticket pages on-call (OPSFLOW_TICKET_PAGE_PRIORITIES, default P-0): opened at P-0 or raised
 * to it, it declares one incident of its organization through the alert path, linked to it both
 * ways, and no second ticket; raising it again or replaying its commands and its alert pages no
 * more; a P-1 ticket does not page; another organization's alert naming the ticket links nothing.
 */
class TicketPagingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  /** The requester of the tickets a customer token opens: a customer of its organization. */
  private final java.util.Map<String, String> requesterOf = new java.util.HashMap<>();

  private String customerOf(TestApp.Tenant t) {
    String token =
        api.token(app.adminToken(), "user", "carol", t.organization(), "customer")
            .path("token")
            .asText();
    String mail = "carol-" + java.util.UUID.randomUUID() + "@example.com";
    api.post(
        "/api/v1/users",
        app.adminToken(),
        "{\"email\":\""
            + mail
            + "\",\"role\":\"customer\",\"organization\":\""
            + t.organization()
            + "\"}");
    requesterOf.put(token, mail);
    return token;
  }

  private JsonNode await(String path, String token, Predicate<JsonNode> p) {
    return api.await(path, token, p, WAIT);
  }

  private JsonNode awaitTicket(String id, String token, Predicate<JsonNode> p) {
    return await("/api/v1/tickets/" + id, token, x -> x.has("status") && p.test(x));
  }

  private String open(String token, String subject, String priority) {
    ApiCalls.Resp r =
        api.post(
            "/api/v1/tickets",
            token,
            "{\"subject\":\""
                + subject
                + "\",\"priority\":\""
                + priority
                + "\",\"requesterEmail\":\""
                + requesterOf.get(token)
                + "\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  private void prioritize(String ticket, String sre, String priority) {
    ApiCalls.Resp r =
        api.post(
            "/api/v1/tickets/" + ticket + "/priority",
            sre,
            "{\"priority\":\"" + priority + "\",\"reason\":\"the customer's payments fail\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
  }

  private static List<String> messages(JsonNode detail) {
    return detail.path("timeline").findValuesAsText("message");
  }

  private static long pages(JsonNode ticket) {
    return messages(ticket).stream().filter(m -> m.endsWith(": paging on-call")).count();
  }

  private List<String> incidentsOf(TestApp.Tenant t) {
    return api.get("/api/v1/incidents", t.sre()).body().path("items").findValuesAsText("id");
  }

  @Test
  void aP0TicketOpenedThroughTheApiPagesOnCallThroughOneIncidentLinkedToIt() {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    String ticket = open(customer, "Checkout is down for everyone", "P-0");

    JsonNode linked = awaitTicket(ticket, t.sre(), x -> x.path("incidents").size() == 1);
    String reference = linked.path("reference").asText();
    String incident = linked.path("incidents").get(0).asText();
    assertThat(messages(linked))
        .contains("P-0: paging on-call")
        .contains("Incident " + incident.substring(0, 8) + " declared: on-call paged");
    assertThat(pages(linked)).isEqualTo(1);

    JsonNode detail =
        await(
            "/api/v1/incidents/" + incident,
            t.sre(),
            d -> messages(d).stream().anyMatch(m -> m.startsWith("Escalated to level 1")));
    assertThat(detail.path("organization").asText()).isEqualTo(t.organization());
    assertThat(detail.path("priority").asText()).isEqualTo("P-0");
    assertThat(detail.path("severity").asText()).isEqualTo("critical");
    assertThat(detail.path("alertKey").asText()).isEqualTo("ticket-" + ticket);
    assertThat(detail.path("title").asText())
        .isEqualTo(reference + ": Checkout is down for everyone");
    JsonNode details = detail.path("labels").path("custom_details");
    assertThat(details.path("ticket_id").asText()).isEqualTo(ticket);
    assertThat(details.path("ticket_reference").asText()).isEqualTo(reference);
    assertThat(details.path("requester").asText()).isEqualTo(requesterOf.get(customer));
    assertThat(messages(detail)).contains("Linked to ticket " + reference);

    // the incident took the ticket as its own: no second ticket for the organization
    assertThat(api.get("/api/v1/tickets", customer).body().path("items").findValuesAsText("id"))
        .containsExactly(ticket);
    assertThat(incidentsOf(t)).containsExactly(incident);
  }

  @Test
  void aP2TicketRaisedToP0PagesOnceHoweverOftenItIsRaisedOrReplayed() throws Exception {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    String ticket = open(customer, "Reports are slow", "P-2");
    JsonNode opened =
        awaitTicket(ticket, t.sre(), x -> messages(x).stream().anyMatch(m -> m.startsWith("Open")));
    assertThat(pages(opened)).isZero();

    // the raise to P-0, sent twice with the same envelope id (a replay) and once more anew
    Actor sre = new Actor(null, "user:alice", Role.SRE, t.organization());
    CloudEvent raise =
        TicketEnvelopes.encode(
            new TicketCommand.Prioritize(ticket, "P-0", "payments fail"), sre, Instant.now());
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, Topics.TICKETS, ticket, raise.encode());
      send(producer, Topics.TICKETS, ticket, raise.encode());
      send(
          producer,
          Topics.TICKETS,
          ticket,
          TicketEnvelopes.encode(
                  new TicketCommand.Prioritize(ticket, "P-0", "payments fail"), sre, Instant.now())
              .encode());
    }
    JsonNode linked = awaitTicket(ticket, t.sre(), x -> x.path("incidents").size() == 1);
    String incident = linked.path("incidents").get(0).asText();
    assertThat(linked.path("priority").asText()).isEqualTo("P-0");
    assertThat(pages(linked)).isEqualTo(1);

    // lowered and raised again: the ticket has its incident, nobody is paged twice
    prioritize(ticket, t.sre(), "P-1");
    prioritize(ticket, t.sre(), "P-0");
    awaitTicket(
        ticket,
        t.sre(),
        x -> messages(x).stream().filter(m -> m.contains("P-1 → P-0")).count() == 1);

    // the alert replayed from the log (same envelope id), and sent again (a new one): the same
    // open incident takes both
    List<ConsumerRecord<byte[], byte[]>> alerts =
        TopicProbe.readAll(Topics.ALERTS).stream()
            .filter(r -> new String(r.key(), StandardCharsets.UTF_8).endsWith(":ticket-" + ticket))
            .toList();
    assertThat(alerts).hasSize(1);
    long events =
        api.get("/api/v1/incidents/" + incident, t.sre()).body().path("eventCount").asLong();
    CloudEvent.Parsed original = CloudEvent.decode(alerts.get(0).value());
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, Topics.ALERTS, alerts.get(0).key(), alerts.get(0).value());
      send(producer, Topics.ALERTS, alerts.get(0).key(), anew(alerts.get(0).value(), original));
    }
    await(
        "/api/v1/incidents/" + incident, t.sre(), d -> d.path("eventCount").asLong() == events + 1);

    // the comment after them all is applied: everything before it on the ticket's partition is
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(
          producer,
          Topics.TICKETS,
          ticket,
          TicketEnvelopes.encode(
                  new TicketCommand.Comment(
                      ticket,
                      UUID.randomUUID().toString(),
                      Visibility.INTERNAL,
                      "after the replays",
                      "api",
                      List.of()),
                  sre,
                  Instant.now())
              .encode());
    }
    JsonNode after = awaitTicket(ticket, t.sre(), x -> x.path("comments").size() == 1);
    assertThat(pages(after)).isEqualTo(1);
    assertThat(after.path("incidents")).hasSize(1);
    assertThat(messages(after).stream().filter(m -> m.startsWith("Priority P-2 → P-0"))).hasSize(1);
    assertThat(incidentsOf(t)).containsExactly(incident);
    assertThat(api.get("/api/v1/tickets", customer).body().path("items").findValuesAsText("id"))
        .containsExactly(ticket);
  }

  @Test
  void aP1TicketDoesNotPageByDefault() {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    String quiet = open(customer, "The export button is grey", "P-1");
    JsonNode opened =
        awaitTicket(quiet, t.sre(), x -> messages(x).stream().anyMatch(m -> m.startsWith("Open")));
    assertThat(pages(opened)).isZero();

    // a P-0 ticket after it pages; the P-1 one still has no incident, the organization one
    String urgent = open(customer, "Nothing loads", "P-0");
    JsonNode paged = awaitTicket(urgent, t.sre(), x -> x.path("incidents").size() == 1);
    assertThat(incidentsOf(t)).containsExactly(paged.path("incidents").get(0).asText());
    JsonNode still = api.get("/api/v1/tickets/" + quiet, t.sre()).body();
    assertThat(still.path("incidents")).isEmpty();
    assertThat(pages(still)).isZero();
  }

  @Test
  void anAlertOfAnotherOrganizationNamingATicketDoesNotLinkIt() {
    TestApp.Tenant owner = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String ticket = open(customerOf(owner), "Login fails", "P-2");
    awaitTicket(ticket, owner.sre(), x -> true);

    String alert =
        "{\"routing_key\":\""
            + other.integration()
            + "\",\"event_action\":\"trigger\",\"dedup_key\":\"ticket-"
            + ticket
            + "\",\"payload\":{\"summary\":\"Login fails\",\"source\":\"opsflow tickets\","
            + "\"severity\":\"critical\",\"custom_details\":{\"ticket_id\":\""
            + ticket
            + "\"}}}";
    assertThat(api.post("/api/v1/events", null, alert).status()).isEqualTo(202);

    // the other organization's incident opens its own ticket, as any P-0 incident does
    String incident =
        await("/api/v1/incidents", other.sre(), p -> p.path("items").size() == 1)
            .path("items")
            .get(0)
            .path("id")
            .asText();
    JsonNode theirs =
        await("/api/v1/tickets", customerOf(other), p -> p.path("items").size() == 1)
            .path("items")
            .get(0);
    assertThat(theirs.path("source").asText()).isEqualTo("incident");
    JsonNode theirDetail =
        awaitTicket(theirs.path("id").asText(), other.sre(), x -> x.path("incidents").size() == 1);
    assertThat(theirDetail.path("incidents").get(0).asText()).isEqualTo(incident);

    JsonNode mine = api.get("/api/v1/tickets/" + ticket, owner.sre()).body();
    assertThat(mine.path("incidents")).isEmpty();
    assertThat(messages(mine)).noneMatch(m -> m.contains("declared") || m.contains("Linked"));
    assertThat(incidentsOf(owner)).isEmpty();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(KafkaClients.producerProperties(TestKafka.bootstrap(), "test"));
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    send(producer, topic, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, byte[] key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  /** The same envelope under a new id, as a sender that sent the alert again would write it. */
  private static byte[] anew(byte[] bytes, CloudEvent.Parsed original) {
    String json = new String(bytes, StandardCharsets.UTF_8);
    return json.replace("\"id\":\"" + original.id() + "\"", "\"id\":\"" + EnvelopeIds.next() + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }
}
