package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/workflows/reload}: an edited triage table changes the triage of new incidents
 * without a restart; a broken model is refused and nothing changes.
 */
class WorkflowReloadTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void anEditedTriageTableTriagesTheNextIncidentWithoutARestart() throws IOException {
    Path table = app.workflowsDir().resolve("triage.dmn");
    String shipped = Files.readString(table);
    String org = "org-" + UUID.randomUUID();
    // the sample's db-primary is a service of the shipped acme: this organization gets its own
    io.opsflow.testing.TenantServices.giveShipped(app, org);
    String integration =
        api.token(app.adminToken(), "integration", "pd", org, null).path("token").asText();
    String sre = api.token(app.adminToken(), "user", "alice", org, "sre").path("token").asText();
    String customer =
        api.token(app.adminToken(), "user", "carol", org, "customer").path("token").asText();
    assertThat(api.post("/api/v1/workflows/reload", sre, "").status()).isEqualTo(403);
    assertThat(api.post("/api/v1/workflows/reload", customer, "").status()).isEqualTo(403);
    try {
      // the row for critical in production (the sample's db-primary): P-0 shipped, P-2 after
      String edited =
          shipped.replace(
              "<outputEntry id=\"greenCriticalPriority\"><text>&quot;P-0&quot;</text>",
              "<outputEntry id=\"greenCriticalPriority\"><text>&quot;P-2&quot;</text>");
      assertThat(edited).isNotEqualTo(shipped);
      Files.writeString(table, edited);

      ApiCalls.Resp reloaded = api.post("/api/v1/workflows/reload", app.adminToken(), "");
      assertThat(reloaded.status()).isEqualTo(200);
      assertThat(reloaded.body().path("items").findValuesAsText("key")).contains("triage");
      assertThat(reloaded.body().path("items"))
          .anyMatch(
              m -> m.path("key").asText().equals("triage") && m.path("newVersion").asBoolean());

      api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
      JsonNode incident =
          api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 1)
              .path("items")
              .get(0);
      JsonNode triaged =
          api.await(
              "/api/v1/incidents/" + incident.path("id").asText(),
              sre,
              d -> !d.path("priority").isNull());
      assertThat(incident.path("severity").asText()).isEqualTo("critical");
      assertThat(triaged.path("priority").asText()).isEqualTo("P-2");

      Files.writeString(table, "<definitions>not a decision");
      ApiCalls.Resp refused = api.post("/api/v1/workflows/reload", app.adminToken(), "");
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body().path("problems").get(0).asText()).contains("triage.dmn");
    } finally {
      Files.writeString(table, shipped);
      assertThat(api.post("/api/v1/workflows/reload", app.adminToken(), "").status())
          .isEqualTo(200);
    }
  }
}
