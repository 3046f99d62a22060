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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Acknowledge and Resolve buttons act as the opsflow user behind the Slack user who clicked:
 * unknown Slack users and customers are refused, an SRE of another organization is told the
 * incident does not exist, and an SRE of the incident's organization acts under their own name. A
 * refused click writes nothing: a later click by the right person is the first thing applied.
 */
class SlackButtonsTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();
  private final SlackCalls slack = new SlackCalls(app);

  @Test
  void anUnknownSlackUserIsRefusedAndNothingChanges() {
    TestApp.Tenant t = app.aCustomerOrg();
    String incident = anIncident(t);
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");

    String answer =
        click("U0NOBODY" + UUID.randomUUID().toString().substring(0, 6), "resolve", incident, null);

    assertThat(answer).contains("is not linked to an opsflow user");
    assertAcknowledgedFirstBy(t, incident, sam);
  }

  @Test
  void aCustomerIsRefused() {
    TestApp.Tenant t = app.aCustomerOrg();
    String incident = anIncident(t);
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");

    assertThat(click(cara.slackId(), "resolve", incident, null))
        .isEqualTo(
            "Acknowledging and resolving incidents is for SREs. You can follow your"
                + " organization's incidents: `/opsflow status <id>`.");
    assertAcknowledgedFirstBy(t, incident, sam);
  }

  @Test
  void anSreOfAnotherOrganizationIsToldTheIncidentDoesNotExist() {
    TestApp.Tenant mine = app.aCustomerOrg();
    TestApp.Tenant theirs = app.aCustomerOrg();
    String incident = anIncident(theirs);
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, mine.organization(), "sre");
    String missing = UUID.randomUUID().toString();

    assertThat(click(sam.slackId(), "acknowledge", incident, null))
        .isEqualTo("Not found: no incident " + incident + ".");
    assertThat(click(sam.slackId(), "acknowledge", missing, null))
        .isEqualTo("Not found: no incident " + missing + ".");
    SlackCalls.Person theirSre = SlackCalls.aSlackUser(app, theirs.organization(), "sre");
    assertAcknowledgedFirstBy(theirs, incident, theirSre);
  }

  @Test
  void anSreOfTheOrganizationAcknowledgesAndResolvesUnderTheirOwnName() {
    TestApp.Tenant t = app.aCustomerOrg();
    String incident = anIncident(t);
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");
    String actor = "slack:" + sam.email();
    String acked = app.slackResponses().newResponseUrl();

    assertThat(click(sam.slackId(), "acknowledge", incident, acked))
        .isEqualTo("Acknowledging incident " + incident + ".");
    assertThat(SlackCalls.text(app.slackResponses().await(acked, 1, Duration.ofSeconds(20)).get(0)))
        .isEqualTo("Incident " + incident.substring(0, 8) + " acknowledged by " + actor + ".");
    assertThat(click(sam.slackId(), "resolve", incident, null))
        .isEqualTo("Resolving incident " + incident + ".");

    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incident,
            t.sre(),
            x -> "resolved".equals(x.path("status").asText()));
    assertThat(d.path("acknowledgedBy").asText()).isEqualTo(actor);
    assertThat(d.path("resolvedBy").asText()).isEqualTo(actor);
    assertThat(d.path("timeline"))
        .anyMatch(
            e ->
                e.path("kind").asText().equals("acknowledged")
                    && e.path("actor").asText().equals(actor))
        .anyMatch(
            e ->
                e.path("kind").asText().equals("resolved")
                    && e.path("actor").asText().equals(actor));
    JsonNode audit = api.get("/api/v1/audit", t.sre()).body().path("items");
    assertThat(audit)
        .filteredOn(e -> e.path("subject").asText().equals(incident))
        .extracting(e -> e.path("action").asText() + " " + e.path("actor").asText())
        .containsExactly("incident.resolve " + actor, "incident.acknowledge " + actor);
  }

  /** The next click, by {@code sre}, is the first action the incident sees. */
  private void assertAcknowledgedFirstBy(TestApp.Tenant t, String incident, SlackCalls.Person sre) {
    assertThat(click(sre.slackId(), "acknowledge", incident, null))
        .isEqualTo("Acknowledging incident " + incident + ".");
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + incident,
            t.sre(),
            x -> "acknowledged".equals(x.path("status").asText()));
    assertThat(d.path("acknowledgedBy").asText()).isEqualTo("slack:" + sre.email());
    assertThat(d.path("timeline").findValuesAsText("kind")).doesNotContain("resolved");
    assertThat(api.get("/api/v1/audit", t.sre()).body().path("items").findValuesAsText("action"))
        .containsOnlyOnce("incident.acknowledge")
        .doesNotContain("incident.resolve");
  }

  private String anIncident(TestApp.Tenant t) {
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    return api.await("/api/v1/incidents", t.sre(), p -> p.path("items").size() == 1)
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  private String click(String slackUserId, String action, String incident, String responseUrl) {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + slackUserId
            + "\",\"username\":\"someone\"},"
            + (responseUrl == null ? "" : "\"response_url\":\"" + responseUrl + "\",")
            + "\"actions\":[{\"action_id\":\""
            + action
            + "\",\"value\":\""
            + incident
            + "\"}]}";
    HttpResponse<String> r =
        slack.signed(
            "/slack/interactions",
            "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
            0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"response_type\":\"ephemeral\"");
    return SlackCalls.text(r.body());
  }
}
