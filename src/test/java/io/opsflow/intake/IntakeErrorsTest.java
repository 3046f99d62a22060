package io.opsflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.http.Http;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.ApiCalls.Resp;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refused requests get the reason and a 4xx, and write nothing to the log. */
class IntakeErrorsTest {
  private ApiCalls api;
  private String admin;
  private String integration;
  private String integrationId;

  @BeforeEach
  void setUp() {
    TestApp app = TestApp.shared();
    api = app.api();
    admin = app.adminToken();
    var created = api.token(admin, "integration", "am", "org-" + UUID.randomUUID(), null);
    integration = created.path("token").asText();
    integrationId = created.path("id").asText();
  }

  @Test
  void invalidJsonIs400WithTheParsersReason() {
    long before = TopicProbe.size(Topics.ALERTS);
    Resp r = api.post("/api/v1/integrations/alertmanager", integration, "{\"version\": \"4\",");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").asText()).isEqualTo("bad request");
    assertThat(r.body().path("detail").asText()).contains("not valid JSON");
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  @Test
  void missingFieldsAre400() {
    long before = TopicProbe.size(Topics.ALERTS);
    String noAlerts =
        Samples.read("alertmanager-firing.json").replace("\"alerts\"", "\"notAlerts\"");
    Resp am = api.post("/api/v1/integrations/alertmanager", integration, noAlerts);
    assertThat(am.status()).isEqualTo(400);
    assertThat(am.body().path("detail").asText()).contains("alerts");

    String badSeverity =
        Samples.pagerDuty("pagerduty-trigger.json", integration)
            .replace("\"critical\"", "\"catastrophic\"");
    Resp pd = api.post("/api/v1/events", null, badSeverity);
    assertThat(pd.status()).isEqualTo(400);
    assertThat(pd.body().path("status").asText()).isEqualTo("invalid event");
    assertThat(pd.body().path("detail").asText()).contains("payload.severity");

    String resolveWithoutKey =
        "{\"routing_key\":\"" + integration + "\",\"event_action\":\"resolve\"}";
    assertThat(api.post("/api/v1/events", null, resolveWithoutKey).body().path("detail").asText())
        .contains("dedup_key");
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  @Test
  void oversizedBodiesAre413() {
    long before = TopicProbe.size(Topics.ALERTS);
    byte[] big = new byte[Http.MAX_BODY + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    Resp r = api.send("POST", "/api/v1/integrations/alertmanager", integration, big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body().path("error").asText()).isEqualTo("payload too large");
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  @Test
  void unknownAndRevokedTokensAre401() {
    String firing = Samples.read("alertmanager-firing.json");
    assertThat(api.post("/api/v1/integrations/alertmanager", "ofi_nope", firing).status())
        .isEqualTo(401);
    assertThat(api.post("/api/v1/integrations/alertmanager", null, firing).status()).isEqualTo(401);
    assertThat(api.post("/api/v1/integrations/alertmanager", integration, firing).status())
        .isEqualTo(202);

    long before = TopicProbe.size(Topics.ALERTS);
    Resp revoked = api.send("DELETE", "/api/v1/tokens/" + integrationId, admin, null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().path("revokedAt").isNull()).isFalse();
    Resp after = api.post("/api/v1/integrations/alertmanager", integration, firing);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body().path("detail").asText()).contains("revoked");
    assertThat(
            api.post(
                    "/api/v1/events",
                    null,
                    Samples.pagerDuty("pagerduty-trigger.json", integration))
                .status())
        .isEqualTo(401);
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  @Test
  void tokensNeverShowTheirSecretAgain() {
    Resp list = api.get("/api/v1/tokens?limit=1000", admin);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw()).doesNotContain(integration);
    assertThat(list.raw()).contains(integrationId);
    assertThat(api.get("/api/v1/tokens", integration).status()).isEqualTo(403);
  }

  @Test
  void theServerStaysHealthyAfterBadInput() {
    api.send(
        "POST",
        "/api/v1/integrations/alertmanager",
        integration,
        "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8));
    Resp health = api.get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().path("status").asText()).isEqualTo("up");
    assertThat(health.body().path("integrations").path("slack").asText())
        .isEqualTo("not configured");
  }
}
