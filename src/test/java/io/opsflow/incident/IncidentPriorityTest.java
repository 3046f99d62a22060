package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/incidents/{id}/priority}: a person re-prioritizes; the timeline says who. */
class IncidentPriorityTest {

  @Test
  void anSreSetsThePriorityAndTheTimelineSaysWho() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    String admin = app.adminToken();
    String org = "org-" + UUID.randomUUID();
    String integration = api.token(admin, "integration", "pd", org, null).path("token").asText();
    String sre = api.token(admin, "user", "alice", org, "sre").path("token").asText();
    String customer = api.token(admin, "user", "carol", org, "customer").path("token").asText();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    String id =
        api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 1)
            .path("items")
            .get(0)
            .path("id")
            .asText();
    api.await("/api/v1/incidents/" + id, sre, d -> !d.path("priority").isNull());
    String path = "/api/v1/incidents/" + id + "/priority";

    assertThat(api.post(path, sre, "{\"priority\":\"P-5\"}").status()).isEqualTo(400);
    assertThat(api.post(path, sre, "{}").status()).isEqualTo(400);
    assertThat(api.post(path, customer, "{\"priority\":\"P-0\"}").status()).isEqualTo(403);
    String target = "P-0".equals(priorityOf(api, id, sre)) ? "P-1" : "P-0";
    ApiCalls.Resp accepted = api.post(path, sre, "{\"priority\":\"" + target + "\"}");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().path("id").asText()).isNotBlank();
    JsonNode detail =
        api.await("/api/v1/incidents/" + id, sre, d -> target.equals(d.path("priority").asText()));
    assertThat(detail.path("timeline").findValuesAsText("message"))
        .anyMatch(
            m ->
                m.startsWith("Priority changed from ")
                    && m.endsWith(" to " + target + " by user:alice"))
        .anyMatch(m -> m.startsWith("Triaged as "));
  }

  private static String priorityOf(ApiCalls api, String id, String token) {
    return api.get("/api/v1/incidents/" + id, token).body().path("priority").asText();
  }
}
