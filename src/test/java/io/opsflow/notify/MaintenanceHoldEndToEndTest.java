package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.App;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.Samples;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows on a started opsflow with Slack and Zoom configured: a P-0 of a service in
 * maintenance is recorded and reaches nobody (no war room, bridge, page, mail or customer ticket)
 * until a person escalates it; then the whole response runs (the window's end is covered by
 * MaintenanceHoldProcessTest, with the engine clock moved).
 */
class MaintenanceHoldEndToEndTest {
  private static final List<String> REACHING_PEOPLE =
      List.of("OpenRoom", "OpenBridge", "Page", "SendMail", "PostToRoom", "PostToChannel");

  private static VendorsApp vendors;
  private static FakeSlackServer slack;
  private static FakeZoomServer zoom;
  private static App app;
  private static ApiCalls api;
  private static String admin;

  @BeforeAll
  static void start() throws IOException {
    vendors =
        VendorsApp.start(
            "opsflow-maintenance-hold-",
            Map.of("alice@example.com", "U0ALICE", "bob@example.com", "U0BOB"),
            "hold-" + UUID.randomUUID(),
            false);
    slack = vendors.slack();
    zoom = vendors.zoom();
    admin = vendors.admin();
    app = vendors.app();
    api = vendors.api();
  }

  @AfterAll
  static void stop() {
    if (vendors != null) {
      vendors.close();
    }
  }

  @Test
  void aP0InMaintenanceReachesNobodyUntilAPersonEscalatesIt() {
    Tenant t = aTenant();
    Instant end =
        Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    window(t, Instant.now().minusSeconds(60), end);
    String id = trigger(t);

    // the first escalation step ran and waits for the window's end instead of paging
    Await.until(
        "escalation held until the window ends",
        () -> !escalationDue(id).isBefore(end) && escalationDue(id).isBefore(end.plusSeconds(60)));
    JsonNode held = api.get("/api/v1/incidents/" + id, t.sre).body();
    assertThat(held.path("priority").asText()).isEqualTo("P-0");
    assertThat(messages(held))
        .containsOnlyOnce(
            "In maintenance window 'failover drill' until "
                + end
                + ": no war room, bridge, pages or customer mail; escalate to page")
        .noneMatch(m -> m.startsWith("Escalated to level") || m.startsWith("Not paged"));
    assertThat(effectKinds(id)).doesNotContainAnyElementsOf(REACHING_PEOPLE);
    assertThat(tickets(t)).isEmpty();

    assertThat(api.post("/api/v1/incidents/" + id + "/escalate", t.sre, "").status())
        .isEqualTo(202);

    Await.until(
        "war room, bridge and pages planned",
        () -> effectKinds(id).containsAll(List.of("OpenRoom", "OpenBridge", "Page", "SendMail")));
    Await.until("customer ticket opened", () -> !tickets(t).isEmpty());
    JsonNode escalated = api.get("/api/v1/incidents/" + id, t.sre).body();
    assertThat(messages(escalated))
        .contains(
            "Escalated by user:alice during the maintenance window: the response held back"
                + " starts now")
        .anyMatch(m -> m.startsWith("Escalated to level 1 (round 1): "));
  }

  private record Tenant(String organization, String integration, String sre) {}

  private Tenant aTenant() {
    String org = "org-" + UUID.randomUUID();
    String integration =
        api.token(admin, "integration", "prometheus", org, null).path("token").asText();
    String sre = api.token(admin, "user", "alice", org, "sre").path("token").asText();
    return new Tenant(org, integration, sre);
  }

  /** A window over the whole organization (every service of it). */
  private static void window(Tenant t, Instant start, Instant end) {
    ApiCalls.Resp w =
        api.post(
            "/api/v1/maintenance-windows",
            t.sre,
            "{\"title\":\"failover drill\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
    assertThat(w.status()).as(w.raw()).isEqualTo(201);
  }

  private static String trigger(Tenant t) {
    String body = Samples.read("alertmanager-firing.json").replace("\"warning\"", "\"critical\"");
    assertThat(api.post("/api/v1/integrations/alertmanager", t.integration, body).status())
        .isEqualTo(202);
    return api.await("/api/v1/incidents", t.sre, p -> p.path("items").size() == 1)
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  private static List<String> messages(JsonNode detail) {
    return detail.path("timeline").findValuesAsText("message");
  }

  private static List<JsonNode> tickets(Tenant t) {
    List<JsonNode> out = new java.util.ArrayList<>();
    api.get("/api/v1/tickets", t.sre).body().path("items").forEach(out::add);
    return out;
  }

  private static List<String> effectKinds(String incidentId) {
    return app.database()
        .inTransaction(
            s ->
                s.createNativeQuery(
                        "select kind from effect where incident_id = :id order by kind",
                        String.class)
                    .setParameter("id", incidentId)
                    .getResultList());
  }

  /** When the incident process's escalation timer is due; EPOCH while it has none. */
  private static Instant escalationDue(String incidentId) {
    List<java.sql.Timestamp> due =
        app.database()
            .inTransaction(
                s ->
                    s.createNativeQuery(
                            "select j.DUEDATE_ from ACT_RU_JOB j join ACT_RU_EXECUTION e"
                                + " on j.PROCESS_INSTANCE_ID_ = e.ID_ where e.BUSINESS_KEY_ = :id"
                                + " and j.HANDLER_CFG_ like '%escalationDue%'",
                            java.sql.Timestamp.class)
                        .setParameter("id", incidentId)
                        .getResultList());
    return due.isEmpty() ? Instant.EPOCH : due.get(0).toInstant();
  }
}
