package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A write naming another organization is refused at once and writes nothing: 403 for naming it, 422
 * for another organization's people, 404 for another organization's incident.
 */
class OrganizationWritesTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void ticketsAndUsersNamingAnotherOrganizationAreRefused() {
    TestApp.Tenant a = app.aCustomerOrg();
    TestApp.Tenant b = app.aCustomerOrg();
    String customerOfB = aUser(b, "customer");
    String customerOfA = aUser(a, "customer");

    assertStatus(api.post("/api/v1/tickets", a.sre(), ticket("re-homed", b.organization())), 403);
    assertStatus(
        api.post("/api/v1/tickets", a.sre(), ticketFor("foreign requester", customerOfB)), 422);
    assertStatus(
        api.post(
            "/api/v1/users",
            a.sre(),
            "{\"email\":\"x-"
                + UUID.randomUUID()
                + "@example.com\",\"role\":\"customer\","
                + "\"organization\":\""
                + b.organization()
                + "\"}"),
        403);
    assertStatus(
        api.post(
            "/api/v1/maintenance-windows",
            a.sre(),
            "{\"organization\":\""
                + b.organization()
                + "\",\"title\":\"x\","
                + "\"start\":\"2027-01-01T00:00:00Z\",\"end\":\"2027-01-01T01:00:00Z\"}"),
        403);

    assertStatus(
        api.post(
            "/api/v1/checks/results",
            a.integration(),
            "{\"check\":\"c\",\"service\":\"s\",\"ok\":false,\"organization\":\""
                + b.organization()
                + "\"}"),
        403);

    // what is one's own, or an admin's naming, still goes through
    String own = accepted(api.post("/api/v1/tickets", a.sre(), ticketFor("own", customerOfA)));
    String byAdmin =
        accepted(api.post("/api/v1/tickets", app.adminToken(), ticket("admin", b.organization())));
    api.await("/api/v1/tickets/" + own, a.sre(), t -> t.has("status"));
    api.await("/api/v1/tickets/" + byAdmin, b.sre(), t -> t.has("status"));
    assertThat(api.get("/api/v1/tickets", a.sre()).body().path("items").findValuesAsText("subject"))
        .containsExactly("own");
    assertThat(api.get("/api/v1/tickets", b.sre()).body().path("items").findValuesAsText("subject"))
        .containsExactly("admin");
    assertThat(api.get("/api/v1/users", b.sre()).body().path("items")).hasSize(1);
    assertThat(api.get("/api/v1/maintenance-windows", b.sre()).body().path("items")).isEmpty();
  }

  @Test
  void ticketActionsNamingAnotherOrganizationsPeopleOrIncidentsAreRefused() {
    TestApp.Tenant a = app.aCustomerOrg();
    TestApp.Tenant b = app.aCustomerOrg();
    String customerOfB = aUser(b, "customer");
    String sreOfB = aUser(b, "sre");
    String ticket = accepted(api.post("/api/v1/tickets", a.sre(), ticket("mine", null)));
    api.await("/api/v1/tickets/" + ticket, a.sre(), t -> t.has("status"));
    String incidentOfB = anIncident(b);
    String incidentOfA = anIncident(a);
    String path = "/api/v1/tickets/" + ticket;

    ApiCalls.Resp unknown =
        api.post(path + "/incidents", a.sre(), "{\"incidentId\":\"" + UUID.randomUUID() + "\"}");
    ApiCalls.Resp foreign =
        api.post(path + "/incidents", a.sre(), "{\"incidentId\":\"" + incidentOfB + "\"}");
    assertStatus(unknown, 404);
    assertStatus(foreign, 404);
    assertThat(foreign.body().path("error")).isEqualTo(unknown.body().path("error"));
    assertStatus(api.post(path + "/watchers", a.sre(), "{\"email\":\"" + customerOfB + "\"}"), 422);
    assertThat(api.post(path + "/assignee", a.sre(), "{\"assignee\":\"" + sreOfB + "\"}").status())
        .isBetween(400, 422);

    accepted(api.post(path + "/incidents", a.sre(), "{\"incidentId\":\"" + incidentOfA + "\"}"));
    JsonNode linked = api.await(path, a.sre(), t -> t.path("incidents").size() > 0);
    assertThat(linked.toString()).contains(incidentOfA).doesNotContain(incidentOfB);
    assertThat(linked.toString()).doesNotContain(customerOfB).doesNotContain(sreOfB);
  }

  private String anIncident(TestApp.Tenant t) {
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    return api.onlyIncidentId(t.sre());
  }

  /** A user of {@code t}'s organization, created by an admin; returns the mail address. */
  private String aUser(TestApp.Tenant t, String role) {
    String mail = role + "-" + UUID.randomUUID() + "@example.com";
    ApiCalls.Resp r =
        api.post(
            "/api/v1/users",
            app.adminToken(),
            "{\"email\":\""
                + mail
                + "\",\"role\":\""
                + role
                + "\",\"organization\":\""
                + t.organization()
                + "\"}");
    assertStatus(r, 201);
    return mail;
  }

  private static String ticket(String subject, String organization) {
    return "{\"subject\":\""
        + subject
        + "\",\"priority\":\"P-2\""
        + (organization == null ? "" : ",\"organization\":\"" + organization + "\"")
        + "}";
  }

  private static String ticketFor(String subject, String requester) {
    return "{\"subject\":\""
        + subject
        + "\",\"priority\":\"P-2\",\"requesterEmail\":\""
        + requester
        + "\"}";
  }

  private static String accepted(ApiCalls.Resp r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  private static void assertStatus(ApiCalls.Resp r, int status) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
  }
}
