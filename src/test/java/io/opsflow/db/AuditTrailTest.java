package io.opsflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write by a person or token is on the audit trail ({@code GET /api/v1/audit}), once per
 * accepted request, under its actor and organization, never with a secret; a refused request leaves
 * no line.
 */
class AuditTrailTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void incidentActionsAreAuditedOncePerAcceptedRequest() {
    TestApp.Tenant t = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String id = api.onlyIncidentId(t.sre());
    String path = "/api/v1/incidents/" + id;

    assertThat(api.post(path + "/acknowledge", other.sre(), "").status()).isEqualTo(404);
    assertThat(api.post(path + "/priority", t.sre(), "{\"priority\":\"P-9\"}").status())
        .isEqualTo(400);
    assertThat(api.post(path + "/acknowledge", t.sre(), "").status()).isEqualTo(202);
    assertThat(api.post(path + "/priority", t.sre(), "{\"priority\":\"P-1\"}").status())
        .isEqualTo(202);
    assertThat(api.post(path + "/sla/pause", t.sre(), "{\"reason\":\"waiting on the vendor\"}"))
        .extracting(ApiCalls.Resp::status)
        .isEqualTo(202);
    assertThat(api.post(path + "/sla/resume", t.sre(), "").status()).isEqualTo(202);
    assertThat(api.post(path + "/resolve", t.sre(), "").status()).isEqualTo(202);
    api.await(path, t.sre(), d -> "resolved".equals(d.path("status").asText()));
    assertThat(api.post(path + "/resolve", t.sre(), "").status()).isEqualTo(409);

    List<JsonNode> lines = lines(t.sre(), id);
    assertThat(lines)
        .extracting(e -> e.path("action").asText() + " | " + e.path("detail").asText())
        .containsExactly(
            "incident.resolve | via /api/v1/incidents",
            "incident.sla_resume | via /api/v1/incidents",
            "incident.sla_pause | waiting on the vendor via /api/v1/incidents",
            "incident.priority | P-1 via /api/v1/incidents",
            "incident.acknowledge | via /api/v1/incidents");
    assertThat(lines)
        .allMatch(e -> e.path("actor").asText().equals("user:alice"))
        .allMatch(e -> e.path("organization").asText().equals(t.organization()));
    assertThat(lines(other.sre(), id)).isEmpty();
  }

  @Test
  void webhookChangesAreAuditedWithoutTheirSecret() {
    String org = app.aCustomerOrg().organization();
    String admin = app.adminToken();
    ApiCalls.Resp created =
        api.post(
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"http://127.0.0.1:9/hook?token=s3cret\",\"events\":[\"incident.triggered\"],"
                + "\"organization\":\""
                + org
                + "\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().path("id").asText();
    String secret = created.body().path("secret").asText();
    String rotated =
        api.post("/api/v1/webhooks/" + id + "/rotate-secret", admin, "")
            .body()
            .path("secret")
            .asText();
    assertThat(api.post("/api/v1/webhooks/" + id + "/enable", admin, "").status()).isEqualTo(200);
    assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, admin, null).status()).isEqualTo(204);
    assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, admin, null).status()).isEqualTo(404);

    List<JsonNode> lines = lines(admin, id);
    assertThat(lines)
        .extracting(e -> e.path("action").asText())
        .containsExactly(
            "webhook.delete", "webhook.enable", "webhook.rotate_secret", "webhook.create");
    assertThat(lines)
        .allMatch(e -> e.path("actor").asText().equals("admin:admin"))
        .allMatch(e -> e.path("organization").asText().equals(org))
        .allMatch(
            e -> e.path("detail").asText().equals("http://127.0.0.1:9/hook [incident.triggered]"));
    assertThat(lines.toString())
        .doesNotContain(secret)
        .doesNotContain(rotated)
        .doesNotContain("s3cret");
  }

  @Test
  void maintenanceWindowsAreAuditedInTheirOrganization() {
    TestApp.Tenant t = app.aCustomerOrg();
    ApiCalls.Resp created =
        api.post(
            "/api/v1/maintenance-windows",
            t.sre(),
            "{\"service\":\"checkout\",\"title\":\"db upgrade\","
                + "\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}");
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().path("id").asText();
    assertThat(api.send("DELETE", "/api/v1/maintenance-windows/" + id, t.sre(), null).status())
        .isEqualTo(204);

    assertThat(lines(t.sre(), id))
        .extracting(e -> e.path("action").asText() + " | " + e.path("detail").asText())
        .containsExactly(
            "maintenance.delete | checkout: db upgrade",
            "maintenance.create | checkout: db upgrade");
  }

  @Test
  void reloadsOfModelsSlaSettingsAndOnCallAreAudited() {
    String admin = app.adminToken();
    for (String reload : List.of("workflows", "sla", "oncall")) {
      String action = (reload.equals("workflows") ? "workflow" : reload) + ".reload";
      long before = count(admin, action);
      ApiCalls.Resp r = api.post("/api/v1/" + reload + "/reload", admin, "");
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      assertThat(count(admin, action)).as(action).isEqualTo(before + 1);
      assertThat(api.post("/api/v1/" + reload + "/reload", app.aCustomerOrg().sre(), "").status())
          .isEqualTo(403);
      assertThat(count(admin, action)).as(action).isEqualTo(before + 1);
    }
  }

  private List<JsonNode> lines(String token, String subject) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/api/v1/audit?limit=1000", token)
        .body()
        .path("items")
        .forEach(
            e -> {
              if (e.path("subject").asText().equals(subject)) {
                out.add(e);
              }
            });
    return out;
  }

  private long count(String token, String action) {
    JsonNode items = api.get("/api/v1/audit?limit=1000", token).body().path("items");
    return items.findValuesAsText("action").stream().filter(action::equals).count();
  }
}
