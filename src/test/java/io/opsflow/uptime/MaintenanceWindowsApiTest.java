package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class MaintenanceWindowsApiTest {
  private static final String PATH = "/api/v1/maintenance-windows";
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.path("items").spliterator(), false)
        .map(w -> w.path("id").asText())
        .toList();
  }

  @Test
  void anAdminNamingTheOrganizationByItsNameCreatesTheWindowInThatOrganization() {
    TestApp.Tenant t = app.aCustomerOrg();
    String name = "Org " + t.organization().substring("org-".length());
    ApiCalls.Resp created =
        api.post(
            PATH,
            app.adminToken(),
            "{\"organization\":\""
                + name
                + "\",\"title\":\"by name\","
                + "\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.body().path("organization").asText()).isEqualTo(t.organization());
    assertThat(ids(api.get(PATH, t.sre()).body())).contains(created.body().path("id").asText());
    ApiCalls.Resp nameless =
        api.post(
            PATH,
            app.adminToken(),
            "{\"organization\":\"--\",\"title\":\"x\","
                + "\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}");
    assertThat(nameless.status()).as(nameless.raw()).isEqualTo(400);
  }

  @Test
  void anSreCreatesListsAndDeletesWindowsOfItsOwnOrganizationOnly() {
    TestApp.Tenant acme = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    ApiCalls.Resp created =
        api.post(
            PATH,
            acme.sre(),
            "{\"service\":\"checkout\",\"title\":\"db upgrade\","
                + "\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().path("id").asText();
    assertThat(created.body().path("organization").asText()).isEqualTo(acme.organization());
    assertThat(created.body().path("upcoming").get(0).path("start").asText())
        .isEqualTo("2027-06-10T12:00:00Z");

    ApiCalls.Resp recurring =
        api.post(
            PATH,
            acme.sre(),
            "{\"title\":\"patching\",\"rrule\":\"FREQ=WEEKLY;BYDAY=SU\","
                + "\"dtstart\":\"2026-03-22T02:30\",\"zone\":\"Europe/Berlin\",\"duration\":\"PT2H\"}");
    assertThat(recurring.status()).as(recurring.raw()).isEqualTo(201);
    assertThat(recurring.body().path("service").isNull()).isTrue();

    JsonNode mine = api.get(PATH, acme.sre()).body();
    assertThat(ids(mine)).contains(id, recurring.body().path("id").asText());
    assertThat(mine.has("next")).isTrue();
    assertThat(ids(api.get(PATH, other.sre()).body())).doesNotContain(id);

    // another organization cannot see or delete it: 404, as if it did not exist
    assertThat(api.get(PATH + "/" + id, other.sre()).status()).isEqualTo(404);
    assertThat(api.send("DELETE", PATH + "/" + id, other.sre(), null).status()).isEqualTo(404);
    assertThat(api.get(PATH + "/" + id, acme.sre()).status()).isEqualTo(200);

    // the query port sees API windows at once
    assertThat(
            app.app()
                .uptime()
                .maintenanceCalendar()
                .activeFor(acme.organization(), "checkout", Instant.parse("2027-06-10T12:30:00Z")))
        .map(w -> w.id())
        .contains(id);
    assertThat(
            app.app()
                .uptime()
                .maintenanceCalendar()
                .activeFor(other.organization(), "checkout", Instant.parse("2027-06-10T12:30:00Z")))
        .isEmpty();

    assertThat(api.send("DELETE", PATH + "/" + id, acme.sre(), null).status()).isEqualTo(204);
    assertThat(api.get(PATH + "/" + id, acme.sre()).status()).isEqualTo(404);
  }

  @Test
  void customersAndIntegrationsMayNotManageWindows() {
    TestApp.Tenant acme = app.aCustomerOrg();
    String customer =
        api.token(app.adminToken(), "user", "carol", acme.organization(), "customer")
            .path("token")
            .asText();
    String body = "{\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}";
    assertThat(api.post(PATH, customer, body).status()).isEqualTo(403);
    assertThat(api.post(PATH, acme.integration(), body).status()).isEqualTo(403);
    assertThat(api.post(PATH, null, body).status()).isEqualTo(401);
  }

  @Test
  void badBodiesAre400WithTheReasonAndNothingIsStored() {
    TestApp.Tenant acme = app.aCustomerOrg();
    assertReason(acme, "{\"title\":\"x\"}", "either start and end");
    assertReason(
        acme,
        "{\"start\":\"2027-06-10T13:00:00Z\",\"end\":\"2027-06-10T12:00:00Z\"}",
        "end must be after start");
    assertReason(acme, "{\"start\":\"tomorrow\",\"end\":\"2027-06-10T12:00:00Z\"}", "ISO-8601");
    assertReason(
        acme,
        "{\"rrule\":\"FREQ=YEARLY\",\"dtstart\":\"2026-01-01T00:00\",\"zone\":\"UTC\",\"duration\":\"PT1H\"}",
        "FREQ must be DAILY, WEEKLY or MONTHLY");
    assertReason(
        acme,
        "{\"rrule\":\"FREQ=DAILY\",\"dtstart\":\"2026-01-01T00:00\",\"zone\":\"Mars/Olympus\",\"duration\":\"PT1H\"}",
        "IANA zone");
    assertReason(
        acme,
        "{\"rrule\":\"FREQ=DAILY\",\"dtstart\":\"2026-01-01T00:00\",\"zone\":\"UTC\"}",
        "duration is required");
    assertReason(
        acme,
        "{\"organization\":\"someone-else\",\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}",
        null);
    assertThat(ids(api.get(PATH, acme.sre()).body())).isEmpty();
  }

  private void assertReason(TestApp.Tenant t, String body, String reason) {
    ApiCalls.Resp r = api.post(PATH, t.sre(), body);
    if (reason == null) {
      assertThat(r.status()).as(r.raw()).isEqualTo(403);
      return;
    }
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).contains(reason);
  }

  @Test
  void windowsOfTheConfigFileAreListedButOnlyChangeWithTheFile() {
    // sla/maintenance.yaml ships two windows of the organization "acme"
    JsonNode all = api.get(PATH, app.adminToken()).body();
    assertThat(ids(all)).contains("file:acme-sunday-patching", "file:acme-datacenter-move");
    ApiCalls.Resp delete =
        api.send("DELETE", PATH + "/file:acme-sunday-patching", app.adminToken(), null);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.body().path("detail").asText()).contains("sla/maintenance.yaml");
    // Sunday 2026-03-29 02:00 Berlin does not exist: the 02:00 window opens at 03:00 CEST (01:00Z)
    assertThat(
            app.app()
                .uptime()
                .maintenanceCalendar()
                .activeFor("acme", "checkout", Instant.parse("2026-03-29T01:15:00Z")))
        .map(w -> w.id())
        .contains("file:acme-sunday-patching");
  }

  @Test
  void anIncidentOfAServiceInMaintenanceIsRecordedButPagesNobody() {
    TestApp.Tenant t = app.aCustomerOrg();
    io.opsflow.testing.TenantServices.giveShipped(app, t.organization());
    java.time.Instant now = java.time.Instant.now();
    ApiCalls.Resp window =
        api.post(
            PATH,
            t.sre(),
            "{\"service\":\"db-primary\",\"title\":\"failover drill\",\"start\":\""
                + now.minusSeconds(60)
                + "\",\"end\":\""
                + now.plusSeconds(3600)
                + "\"}");
    assertThat(window.status()).as(window.raw()).isEqualTo(201);

    api.post(
        "/api/v1/events",
        null,
        io.opsflow.testing.Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String id = api.onlyIncidentId(t.sre());
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x -> x.path("timeline").findValuesAsText("kind").contains("maintenance"));

    assertThat(d.path("timeline").findValuesAsText("message"))
        .anyMatch(
            m ->
                m.startsWith("In maintenance window 'failover drill' until ")
                    && m.endsWith(
                        ": no war room, bridge, pages or customer mail; escalate to page"))
        .noneMatch(m -> m.startsWith("Escalated to level"));
  }
}
