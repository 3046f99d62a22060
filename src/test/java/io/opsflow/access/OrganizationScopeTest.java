package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every read and action is scoped to the caller's organization. */
class OrganizationScopeTest {

  @Test
  void usersSeeAndActOnlyOnTheirOwnOrganizationsIncidents() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    String admin = app.adminToken();
    String orgA = "org-a-" + UUID.randomUUID();
    String orgB = "org-b-" + UUID.randomUUID();
    String integrationA = api.token(admin, "integration", "am", orgA, null).path("token").asText();
    String sreA = api.token(admin, "user", "alice", orgA, "sre").path("token").asText();
    String sreB = api.token(admin, "user", "bob", orgB, "sre").path("token").asText();
    String customerA = api.token(admin, "user", "carol", orgA, "customer").path("token").asText();

    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integrationA));
    JsonNode page = api.await("/api/v1/incidents", sreA, p -> p.path("items").size() == 1);
    String id = page.path("items").get(0).path("id").asText();

    assertThat(api.get("/api/v1/incidents", sreB).body().path("items")).isEmpty();
    assertThat(api.get("/api/v1/incidents/" + id, sreB).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/incidents/" + id + "/acknowledge", sreB, null).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/incidents/" + id, customerA).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/incidents/" + id + "/acknowledge", customerA, null).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/incidents", integrationA).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/tokens", sreA, "{}").status()).isEqualTo(403);
  }

  @Test
  void listsPageWithACursorAndFilterByStatus() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    TestApp.Tenant tenant = app.aCustomerOrg();
    String integration = tenant.integration();
    String sre = tenant.sre();
    for (int i = 0; i < 5; i++) {
      api.post(
          "/api/v1/events",
          null,
          Samples.pagerDuty("pagerduty-trigger.json", integration)
              .replace("db-primary-disk-usage", "disk-" + i));
    }
    api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 5);
    JsonNode first = api.get("/api/v1/incidents?limit=2", sre).body();
    assertThat(first.path("items")).hasSize(2);
    JsonNode second =
        api.get("/api/v1/incidents?limit=2&cursor=" + first.path("next").asText(), sre).body();
    JsonNode third =
        api.get("/api/v1/incidents?limit=2&cursor=" + second.path("next").asText(), sre).body();
    assertThat(third.path("items")).hasSize(1);
    assertThat(third.path("next").isNull()).isTrue();
    assertThat(first.path("items").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(second.path("items").findValuesAsText("id"));
    assertThat(api.get("/api/v1/incidents?status=resolved", sre).body().path("items")).isEmpty();
    assertThat(api.get("/api/v1/incidents?status=bogus", sre).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/incidents?limit=5000", sre).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/incidents?cursor=xyz", sre).status()).isEqualTo(400);
  }

  @Test
  void tokenListsPageWithACursor() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    String org = "org-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      api.token(app.adminToken(), "integration", "am-" + i, org, null);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          api.get(
                  "/api/v1/tokens?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  app.adminToken())
              .body();
      assertThat(page.path("items").size()).isBetween(1, 2);
      page.path("items").forEach(t -> assertThat(seen.add(t.path("id").asText())).isTrue());
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(seen.size()).isGreaterThanOrEqualTo(3);
    assertThat(api.get("/api/v1/tokens?cursor=bogus", app.adminToken()).status()).isEqualTo(400);
  }
}
