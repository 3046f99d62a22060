package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats through the running app with second-long settings: a silent source opens an incident
 * through the alert path, a returning beat resolves it, and a source silent past its retention is
 * unregistered with the reason on the timeline. The app's scanner runs every second.
 */
class HeartbeatIncidentTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private JsonNode heartbeatIncident(TestApp.Tenant t, String source, String status, String notId) {
    JsonNode list =
        api.await(
            "/api/v1/incidents?limit=1000",
            t.sre(),
            l ->
                StreamSupport.stream(l.path("items").spliterator(), false)
                    .anyMatch(i -> matches(i, source, status, notId)));
    return StreamSupport.stream(list.path("items").spliterator(), false)
        .filter(
            i ->
                i.path("title").asText().contains(source)
                    && status.equals(i.path("status").asText()))
        .findFirst()
        .orElseThrow();
  }

  private static boolean matches(JsonNode i, String source, String status, String notId) {
    return i.path("title").asText().contains(source)
        && status.equals(i.path("status").asText())
        && !i.path("id").asText().equals(notId);
  }

  @Test
  void missingOpensReturningResolvesAndRetentionUnregisters() {
    TestApp.Tenant acme = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String source = "backup-" + UUID.randomUUID().toString().substring(0, 8);
    String path = "/api/v1/heartbeats/" + source;
    ApiCalls.Resp registered =
        api.post(
            path,
            acme.integration(),
            "{\"interval\":\"PT1S\",\"grace\":\"PT1S\",\"retention\":\"PT6S\"}");
    assertThat(registered.status()).as(registered.raw()).isEqualTo(200);
    assertThat(registered.body().path("state").asText()).isEqualTo("up");

    JsonNode opened = heartbeatIncident(acme, source, "triggered", null);
    assertThat(opened.path("title").asText()).contains("no heartbeat from " + source);
    String id = opened.path("id").asText();
    assertThat(
            api.get("/api/v1/heartbeats", acme.sre())
                .body()
                .path("items")
                .get(0)
                .path("state")
                .asText())
        .isEqualTo("late");

    assertThat(api.post(path, acme.integration(), null).status()).isEqualTo(200);
    api.await(
        "/api/v1/incidents/" + id, acme.sre(), d -> "resolved".equals(d.path("status").asText()));

    // silent from now on: late again (a new incident), then unregistered after 6 s
    JsonNode again =
        api.await(
            "/api/v1/heartbeats",
            acme.sre(),
            l -> "unregistered".equals(l.path("items").get(0).path("state").asText()));
    assertThat(again.path("items").get(0).path("source").asText()).isEqualTo(source);
    JsonNode second = heartbeatIncident(acme, source, "resolved", id);
    JsonNode detail =
        api.await(
            "/api/v1/incidents/" + second.path("id").asText(),
            acme.sre(),
            d -> d.path("timeline").toString().contains("unregistered"));
    assertThat(detail.path("timeline").toString()).contains("silent for longer than its retention");

    // the other organization sees none of it
    assertThat(api.get("/api/v1/heartbeats", other.sre()).body().path("items")).isEmpty();
  }

  @Test
  void aNewSourcesGraceIsItsIntervalAndARegisteredOneKeepsIt() {
    TestApp.Tenant acme = app.aCustomerOrg();
    JsonNode first =
        api.post("/api/v1/heartbeats/etl", acme.integration(), "{\"interval\":\"PT10M\"}").body();
    assertThat(first.path("grace").asText()).isEqualTo("PT10M");
    assertThat(first.path("retention").asText()).isEqualTo("PT168H");
    JsonNode changed =
        api.post("/api/v1/heartbeats/etl", acme.integration(), "{\"interval\":\"PT20M\"}").body();
    assertThat(changed.path("interval").asText()).isEqualTo("PT20M");
    assertThat(changed.path("grace").asText()).isEqualTo("PT10M");
    JsonNode beat = api.post("/api/v1/heartbeats/etl", acme.integration(), null).body();
    assertThat(beat.path("interval").asText()).isEqualTo("PT20M");
  }

  @Test
  void badSettingsAre400AndOnlyIntegrationsBeat() {
    TestApp.Tenant acme = app.aCustomerOrg();
    ApiCalls.Resp tooShort =
        api.post(
            "/api/v1/heartbeats/x",
            acme.integration(),
            "{\"interval\":\"PT30S\",\"grace\":\"PT60S\",\"retention\":\"PT60S\"}");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body().path("detail").asText()).contains("retention must be longer");
    ApiCalls.Resp notDuration =
        api.post("/api/v1/heartbeats/x", acme.integration(), "{\"interval\":\"30s\"}");
    assertThat(notDuration.status()).isEqualTo(400);
    assertThat(notDuration.body().path("detail").asText()).contains("ISO-8601 duration");
    assertThat(api.post("/api/v1/heartbeats/bad%20name", acme.integration(), null).status())
        .isEqualTo(400);
    assertThat(api.post("/api/v1/heartbeats/x", acme.sre(), null).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/heartbeats", acme.sre()).body().path("items")).isEmpty();
  }
}
