package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack's slash command and buttons on incidents, signed as Slack signs them, against the running
 * app. alice is an on-call SRE of users.yaml (Slack id U0ALICE).
 */
class SlackRoutesTest {
  static final String ALICE = "U0ALICE";

  private TestApp app;
  private ApiCalls api;
  private SlackCalls slack;
  private String sre;
  private String organization;
  private String incidentId;
  private String responseUrl;

  @BeforeEach
  void anOpenIncident() {
    app = TestApp.shared();
    api = app.api();
    slack = new SlackCalls(app);
    responseUrl = app.slackResponses().newResponseUrl();
    TestApp.Tenant tenant = app.aCustomerOrg();
    String integration = tenant.integration();
    sre = tenant.sre();
    organization = tenant.organization();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    incidentId =
        api.await("/api/v1/incidents", sre, p -> p.path("items").size() == 1)
            .path("items")
            .get(0)
            .path("id")
            .asText();
  }

  @Test
  void theSlashCommandAcknowledgesAndSaysSoOnceApplied() {
    HttpResponse<String> r = slack.signed("/slack/commands", command("ack " + incidentId), 0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ephemeral").contains("Acknowledging incident " + incidentId);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> "acknowledged".equals(x.path("status").asText()));
    assertThat(d.path("acknowledgedBy").asText()).isEqualTo("slack:alice");
    String posted =
        SlackCalls.text(app.slackResponses().await(responseUrl, 1, Duration.ofSeconds(20)).get(0));
    assertThat(posted)
        .isEqualTo("Incident " + incidentId.substring(0, 8) + " acknowledged by slack:alice.");
  }

  @Test
  void theResolveButtonResolvesAsTheOpsflowUserOfTheSlackUser() {
    SlackCalls.Person bob = SlackCalls.aSlackUser(app, organization, "sre");
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + bob.slackId()
            + "\",\"username\":\"bob\"},"
            + "\"actions\":[{\"action_id\":\"resolve\",\"value\":\""
            + incidentId
            + "\"}]}";
    String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    assertThat(slack.signed("/slack/interactions", body, 0).statusCode()).isEqualTo(200);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> "resolved".equals(x.path("status").asText()));
    assertThat(d.path("resolvedBy").asText()).isEqualTo("slack:" + bob.email());
  }

  @Test
  void unsignedTamperedAndStaleRequestsAreRefused() {
    String body = command("ack " + incidentId);
    assertThat(slack.forged("/slack/commands", body, body.replace("alice", "mallory")).statusCode())
        .isEqualTo(401);
    assertThat(slack.signed("/slack/commands", body, -600).statusCode()).isEqualTo(401);
    assertThat(slack.signed("/slack/commands", body, 600).statusCode()).isEqualTo(401);
    assertThat(slack.unsigned("/slack/commands", body).statusCode()).isEqualTo(401);
    String click =
        "payload="
            + URLEncoder.encode(
                "{\"user\":{\"id\":\"U1\"},\"actions\":[{\"action_id\":\"resolve\",\"value\":\""
                    + incidentId
                    + "\"}]}",
                StandardCharsets.UTF_8);
    assertThat(slack.signed("/slack/interactions", click, -301).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/v1/incidents/" + incidentId, sre).body().path("status").asText())
        .isEqualTo("triggered");
    assertThat(app.slackResponses().posts(responseUrl)).isEmpty();
  }

  @Test
  void unknownIncidentsAndVerbsGetAnAnswerNotAnError() {
    assertThat(slack.signed("/slack/commands", command("ack no-such-incident"), 0).body())
        .contains("No single incident matches `no-such-incident`");
    assertThat(slack.signed("/slack/commands", command("dance"), 0).body()).contains("Usage");
    assertThat(slack.signed("/slack/commands", command("ack"), 0).body())
        .contains("This channel is not an incident's war room");
    assertThat(
            slack.signed("/slack/commands", command("priority " + incidentId + " P-9"), 0).body())
        .contains("priority must be P-0, P-1 or P-2");
  }

  @Test
  void theShortIdPeopleSeeIsEnoughAndPriorityCanBeSetFromSlack() {
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
        slack.signed(
            "/slack/commands", command("priority " + shortId + " " + target.toLowerCase()), 0);

    assertThat(r.body()).contains("Setting incident " + incidentId + " to " + target);
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incidentId,
            sre,
            x -> target.equals(x.path("priority").asText()));
    assertThat(d.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.endsWith(" to " + target + " by slack:alice"));
    assertThat(
            SlackCalls.text(
                app.slackResponses().await(responseUrl, 1, Duration.ofSeconds(20)).get(0)))
        .isEqualTo("Incident " + shortId + " is now " + target + ".");
    assertThat(slack.signed("/slack/commands", command("resolve " + shortId), 0).body())
        .contains("Resolving incident " + incidentId);
  }

  private String command(String text) {
    return SlackCalls.command(ALICE, "alice", text, responseUrl);
  }
}
