package io.opsflow.web.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's slash command and buttons, signed as Slack signs them, against the running app. */
class SlackRoutesTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SlackSignature signer = new SlackSignature(TestApp.SLACK_SIGNING_SECRET);
  private TestApp app;
  private ApiCalls api;
  private String sre;
  private String incidentId;

  @BeforeEach
  void anOpenIncident() {
    app = TestApp.shared();
    api = app.api();
    TestApp.Tenant tenant = app.aCustomerOrg();
    String integration = tenant.integration();
    sre = tenant.sre();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    incidentId =
        api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 1)
            .path("items")
            .get(0)
            .path("id")
            .asText();
  }

  @Test
  void theSlashCommandAcknowledges() throws Exception {
    HttpResponse<String> r = signed("/slack/commands", command("ack " + incidentId), 0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ephemeral").contains("Acknowledging incident " + incidentId);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> "acknowledged".equals(x.path("status").asText()));
    assertThat(d.path("acknowledgedBy").asText()).isEqualTo("slack:alice");
  }

  @Test
  void theResolveButtonResolves() throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"username\":\"bob\"},"
            + "\"actions\":[{\"action_id\":\"resolve\",\"value\":\""
            + incidentId
            + "\"}]}";
    String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    assertThat(signed("/slack/interactions", body, 0).statusCode()).isEqualTo(200);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> "resolved".equals(x.path("status").asText()));
    assertThat(d.path("resolvedBy").asText()).isEqualTo("slack:bob");
  }

  @Test
  void unsignedTamperedAndStaleRequestsAreRefused() throws Exception {
    String body = command("ack " + incidentId);
    HttpResponse<String> tampered =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/commands"))
                .header("X-Slack-Request-Timestamp", now(0))
                .header(
                    "X-Slack-Signature", signer.sign(now(0), body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("alice", "mallory")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tampered.statusCode()).isEqualTo(401);
    assertThat(signed("/slack/commands", body, -600).statusCode()).isEqualTo(401);
    assertThat(signed("/slack/commands", body, 600).statusCode()).isEqualTo(401);
    HttpResponse<String> unsigned =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/commands"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(api.get("/api/v1/incidents/" + incidentId, sre).body().path("status").asText())
        .isEqualTo("triggered");
  }

  @Test
  void unknownIncidentsAndVerbsGetAnAnswerNotAnError() throws Exception {
    assertThat(signed("/slack/commands", command("ack no-such-incident"), 0).body())
        .contains("No single incident matches `no-such-incident`");
    assertThat(signed("/slack/commands", command("dance"), 0).body()).contains("Usage");
    assertThat(signed("/slack/commands", command("ack"), 0).body())
        .contains("This channel is not an incident's war room");
    assertThat(signed("/slack/commands", command("priority " + incidentId + " P-9"), 0).body())
        .contains("priority must be P-0, P-1 or P-2");
  }

  @Test
  void theShortIdPeopleSeeIsEnoughAndPriorityCanBeSetFromSlack() throws Exception {
    String shortId = incidentId.substring(0, 8);
    api.await("/api/v1/incidents/" + incidentId, sre, d -> !d.path("priority").isNull());
    String target =
        "P-0"
                .equals(
                    api.get("/api/v1/incidents/" + incidentId, sre)
                        .body()
                        .path("priority")
                        .asText())
            ? "P-1"
            : "P-0";

    HttpResponse<String> r =
        signed("/slack/commands", command("priority " + shortId + " " + target.toLowerCase()), 0);

    assertThat(r.body()).contains("Setting incident " + incidentId + " to " + target);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> target.equals(x.path("priority").asText()));
    assertThat(d.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.endsWith(" to " + target + " by slack:alice"));
    assertThat(signed("/slack/commands", command("resolve " + shortId), 0).body())
        .contains("Resolving incident " + incidentId);
  }

  private String command(String text) {
    return "token=deprecated&team_id=T0001&channel_id=C1&user_id=U2147483697&user_name=alice"
        + "&command=%2Fopsflow&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2";
  }

  private HttpResponse<String> signed(String path, String body, long skewSeconds) throws Exception {
    String ts = now(skewSeconds);
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String now(long skewSeconds) {
    return Long.toString(Instant.now().getEpochSecond() + skewSeconds);
  }
}
