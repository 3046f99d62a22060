package io.opsflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.ApiCalls.Resp;
import io.opsflow.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** On-call over HTTP, answered from the shipped {@code oncall/} directory (a copy of it). */
class OnCallRoutesTest {
  private static final String TUESDAY_11_BERLIN = "2026-01-06T10:00:00Z";

  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();
  private final String org = "org-" + UUID.randomUUID();

  private String sre() {
    return api.token(app.adminToken(), "user", "alice", org, "sre").path("token").asText();
  }

  @Test
  void answersWhoIsOnCallAndUntilWhen() {
    Resp r = api.get("/api/v1/oncall?at=" + TUESDAY_11_BERLIN, sre());

    assertThat(r.status()).isEqualTo(200);
    JsonNode item = r.body().path("items").get(0);
    assertThat(item.path("schedule").asText()).isEqualTo("platform-primary");
    assertThat(item.path("name").asText()).isEqualTo("Platform primary");
    assertThat(item.path("user").asText()).isEqualTo("erin");
    assertThat(item.path("until").asText()).isEqualTo("2026-01-06T16:00:00Z");
    JsonNode evening = api.get("/api/v1/oncall?at=2026-01-06T20:00:00Z", sre()).body();
    assertThat(evening.path("items").get(0).path("user").asText()).isEqualTo("alice");
    assertThat(evening.path("items").get(0).path("until").asText())
        .isEqualTo("2026-01-07T08:00:00Z");
    assertThat(api.get("/api/v1/oncall?at=yesterday", sre()).status()).isEqualTo(400);
  }

  @Test
  void listsShiftsForAtMost31Days() {
    String path = "/api/v1/schedules/platform-primary/shifts";
    Resp day = api.get(path + "?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z", sre());

    assertThat(day.status()).isEqualTo(200);
    assertThat(day.body().path("items"))
        .extracting(s -> s.path("user").asText())
        .containsExactly("alice", "erin", "alice");
    assertThat(api.get(path + "?from=2026-01-01T00:00:00Z&to=2026-02-02T00:00:00Z", sre()).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/schedules/nope/shifts", sre()).status()).isEqualTo(404);
  }

  @Test
  void listsPoliciesWithTheirLevels() {
    JsonNode policy = api.get("/api/v1/escalation-policies", sre()).body().path("items").get(0);

    assertThat(policy.path("id").asText()).isEqualTo("default");
    assertThat(policy.path("levels")).hasSize(3);
    assertThat(policy.path("levels").get(0).path("delay").asText()).isEqualTo("PT10M");
    assertThat(policy.path("levels").get(0).path("targets").get(0).path("id").asText())
        .isEqualTo("platform-primary");
  }

  @Test
  void aBrokenReloadIsRefusedAndTheOldConfigurationStillAnswers() throws IOException {
    Path users = app.oncallDir().resolve("users.yaml");
    String good = Files.readString(users);
    String admin = app.adminToken();
    try {
      Files.writeString(users, good.replace("id: erin", "id: erin-left"));

      Resp refused = api.post("/api/v1/oncall/reload", admin, null);

      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body().path("error").asText()).isEqualTo("invalid configuration");
      assertThat(refused.body().path("problems").get(0).asText())
          .contains("primary.yaml:17: participant 'erin' is not in users.yaml");
      JsonNode onCall = api.get("/api/v1/oncall?at=" + TUESDAY_11_BERLIN, sre()).body();
      assertThat(onCall.path("items").get(0).path("user").asText()).isEqualTo("erin");
    } finally {
      Files.writeString(users, good);
    }
    Resp reloaded = api.post("/api/v1/oncall/reload", admin, null);
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.body().path("status").asText()).isEqualTo("reloaded");
    assertThat(reloaded.body().path("schedules").asInt()).isEqualTo(1);
  }

  @Test
  void integrationsCustomersAndUsersWhoAreNotAdminsAreRefused() {
    String admin = app.adminToken();
    String integration = api.token(admin, "integration", "am", org, null).path("token").asText();
    String customer = api.token(admin, "user", "carol", org, "customer").path("token").asText();

    assertThat(api.get("/api/v1/oncall", integration).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/escalation-policies", integration).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/oncall", customer).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/oncall/reload", sre(), null).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/oncall", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/oncall", admin).status()).isEqualTo(200);
  }
}
