package io.opsflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.ApiCalls.Resp;
import io.opsflow.testing.Await;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP intake to Kafka to incident to process instance, with the real broker, database and engine,
 * for both intake formats and the real sample payloads.
 */
class AlertIntakeEndToEndTest {
  private TestApp app;
  private ApiCalls api;
  private String admin;
  private String integration;
  private String integrationId;
  private String sre;

  @BeforeEach
  void anOrganizationWithAnIntegration() {
    app = TestApp.shared();
    api = app.api();
    admin = app.adminToken();
    TestApp.Tenant tenant = app.aCustomerOrg();
    integration = tenant.integration();
    integrationId = tenant.integrationId();
    sre = tenant.sre();
  }

  @Test
  void alertmanagerGroupOpensAnIncidentThenResolvesIt() {
    Resp accepted =
        api.post(
            "/api/v1/integrations/alertmanager",
            integration,
            Samples.read("alertmanager-firing.json"));
    assertThat(accepted.status()).isEqualTo(202);

    JsonNode incident = awaitOnlyIncident(i -> i.path("alertCount").asInt() == 2);
    assertThat(incident.path("status").asText()).isEqualTo("triggered");
    assertThat(incident.path("source").asText()).isEqualTo("alertmanager");
    assertThat(incident.path("severity").asText()).isEqualTo("critical");
    String id = incident.path("id").asText();
    Await.until("process running", () -> app.app().incidentWorkflow().isRunning(id));
    JsonNode detail =
        api.await("/api/v1/incidents/" + id, admin, d -> "P-0".equals(d.path("priority").asText()));
    assertThat(detail.path("alerts")).hasSize(2);
    assertThat(detail.path("timeline").get(0).path("kind").asText()).isEqualTo("opened");

    api.post(
        "/api/v1/integrations/alertmanager",
        integration,
        Samples.read("alertmanager-resolved.json"));
    api.await("/api/v1/incidents/" + id, admin, d -> "resolved".equals(d.path("status").asText()));
    api.await(
        "/api/v1/incidents/" + id,
        admin,
        d -> d.path("timeline").findValuesAsText("kind").contains("process_closed"));
    // the task's timeline entry commits just before the engine's own transaction ends
    Await.until("process ended", () -> !app.app().incidentWorkflow().isRunning(id));
  }

  @Test
  void repeatedNotificationsUpdateTheOpenIncidentInsteadOfOpeningAnother() {
    String firing = Samples.read("alertmanager-firing.json");
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/v1/integrations/alertmanager", integration, firing).status())
          .isEqualTo(202);
    }
    JsonNode incident = awaitOnlyIncident(i -> i.path("eventCount").asInt() == 3);
    assertThat(incident.path("alertCount").asInt()).isEqualTo(2);
    assertThat(listFor(integration)).hasSize(1);
  }

  @Test
  void pagerDutyTriggerAcknowledgeResolveAndTriggerAgain() {
    Resp trigger =
        api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    assertThat(trigger.status()).isEqualTo(202);
    assertThat(trigger.body().path("status").asText()).isEqualTo("success");
    assertThat(trigger.body().path("dedup_key").asText()).isEqualTo("db-primary-disk-usage");
    String id = awaitOnlyIncident(i -> true).path("id").asText();

    api.post(
        "/api/v1/events",
        null,
        "{\"routing_key\":\""
            + integration
            + "\",\"dedup_key\":\"db-primary-disk-usage\",\"event_action\":\"acknowledge\"}");
    api.await(
        "/api/v1/incidents/" + id, admin, d -> "acknowledged".equals(d.path("status").asText()));

    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-resolve.json", integration));
    api.await("/api/v1/incidents/" + id, admin, d -> "resolved".equals(d.path("status").asText()));

    // after resolve: acknowledge is dropped, trigger opens a new incident
    api.post(
        "/api/v1/events",
        null,
        "{\"routing_key\":\""
            + integration
            + "\",\"dedup_key\":\"db-primary-disk-usage\",\"event_action\":\"acknowledge\"}");
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    JsonNode page =
        api.await(
            "/api/v1/incidents?status=triggered",
            sre,
            p -> p.path("items").findValuesAsText("integration").contains(integrationId));
    assertThat(page.path("items").findValuesAsText("id")).doesNotContain(id);
    assertThat(listFor(integration)).hasSize(2);
  }

  @Test
  void aTriggerWithoutDedupKeyGetsOneGenerated() {
    Resp r =
        api.post(
            "/api/v1/events",
            null,
            "{\"routing_key\":\""
                + integration
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"Checkout 5xx\","
                + "\"source\":\"lb-1\",\"severity\":\"error\"}}");
    assertThat(r.status()).isEqualTo(202);
    String dedup = r.body().path("dedup_key").asText();
    assertThat(dedup).hasSize(32);
    JsonNode incident = awaitOnlyIncident(i -> true);
    assertThat(incident.path("alertKey").asText()).isEqualTo(dedup);
    assertThat(incident.path("labels").toString()).doesNotContain(integration);
  }

  @Test
  void peopleAcknowledgeAndResolveThroughTheApi() {
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    String id = awaitOnlyIncident(i -> true).path("id").asText();

    Resp ack = api.post("/api/v1/incidents/" + id + "/acknowledge", admin, null);
    assertThat(ack.status()).isEqualTo(202);
    assertThat(ack.body().path("id").asText()).isNotBlank();
    api.await(
        "/api/v1/incidents/" + id, admin, d -> "acknowledged".equals(d.path("status").asText()));

    assertThat(api.post("/api/v1/incidents/" + id + "/resolve", admin, null).status())
        .isEqualTo(202);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + id, admin, x -> "resolved".equals(x.path("status").asText()));
    assertThat(d.path("resolvedBy").asText()).isEqualTo("admin:admin");
    assertThat(api.post("/api/v1/incidents/" + id + "/resolve", admin, null).status())
        .isEqualTo(409);
  }

  private List<JsonNode> listFor(String token) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/api/v1/incidents?limit=1000", sre).body().path("items").forEach(out::add);
    return out;
  }

  /** Waits until the organization's newest incident matches; lists are scoped to the org. */
  private JsonNode awaitOnlyIncident(Predicate<JsonNode> until) {
    JsonNode page =
        api.await(
            "/api/v1/incidents?limit=1000",
            sre,
            p -> p.path("items").size() > 0 && until.test(p.path("items").get(0)));
    return page.path("items").get(0);
  }
}
