package io.opsflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.ApiCalls.Resp;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fields of the wrong type or out of range in alert and check intake are 400 with the field named,
 * and nothing reaches the log; the senders' real samples stay accepted.
 */
class IntakeFieldTypesTest {
  private static final String ALERTMANAGER = "/api/v1/integrations/alertmanager";

  private ApiCalls api;
  private String integration;

  @BeforeEach
  void setUp() {
    TestApp app = TestApp.shared();
    api = app.api();
    integration =
        api.token(app.adminToken(), "integration", "am", "org-" + UUID.randomUUID(), null)
            .path("token")
            .asText();
  }

  private void refusedAlertmanager(String body, String reason) {
    long before = TopicProbe.size(Topics.ALERTS);
    Resp r = api.post(ALERTMANAGER, integration, body);
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).contains(reason);
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  private void refusedEvent(String body, String reason) {
    long before = TopicProbe.size(Topics.ALERTS);
    Resp r = api.post("/api/v1/events", null, body);
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).contains(reason);
    assertThat(TopicProbe.size(Topics.ALERTS)).isEqualTo(before);
  }

  @Test
  void alertmanagerVersionLabelsAndTimesMustHaveTheirTypes() {
    String firing = Samples.read("alertmanager-firing.json");
    refusedAlertmanager(firing.replace("\"version\": \"4\"", "\"version\": 4"), "version");
    refusedAlertmanager(
        firing.replaceFirst("\"env\": \"prod\"", "\"env\": {\"x\": 1}"),
        "alerts[0].labels.env must be a string");
    refusedAlertmanager(
        firing.replaceFirst("\"team\": \"team-0\"", "\"team\": 7"),
        "alerts[0].labels.team must be a string");
    refusedAlertmanager(
        firing.replaceFirst("\"startsAt\": \"[^\"]+\"", "\"startsAt\": \"soon\""),
        "alerts[0].startsAt must be an RFC 3339 time");
    refusedAlertmanager(
        firing.replaceFirst(
            "\"fingerprint\": \"[^\"]+\"", "\"fingerprint\": \"" + "f".repeat(600) + "\""),
        "alerts[0].fingerprint must be at most 512 characters");
    assertThat(api.post(ALERTMANAGER, integration, firing).status()).isEqualTo(202);
    assertThat(
            api.post(ALERTMANAGER, integration, Samples.read("alertmanager-resolved.json"))
                .status())
        .isEqualTo(202);
  }

  @Test
  void eventsSummaryIsAStringAndCustomDetailsAnObject() {
    String trigger = Samples.pagerDuty("pagerduty-trigger.json", integration);
    refusedEvent(
        trigger.replace("\"Disk usage on db-primary above 90%\"", "{\"text\": \"disk\"}"),
        "payload.summary must be a non-empty string");
    refusedEvent(
        trigger.replace("\"Disk usage on db-primary above 90%\"", "42"),
        "payload.summary must be a non-empty string");
    refusedEvent(
        trigger.replace(
            "{ \"free space\": \"1%\", \"ping time\": \"1500ms\" }", "[\"free space 1%\"]"),
        "payload.custom_details must be an object");
    refusedEvent(
        trigger.replace("{ \"free space\": \"1%\", \"ping time\": \"1500ms\" }", "\"1%\""),
        "payload.custom_details must be an object");
    assertThat(api.post("/api/v1/events", null, trigger).status()).isEqualTo(202);
  }

  @Test
  void checkResultsFromTheFarFutureOrPastAre400() {
    Instant now = Instant.now();
    String[] wrong = {
      "9999-01-01T00:00:00Z", "1999-12-31T00:00:00Z", now.plus(1, ChronoUnit.HOURS).toString()
    };
    for (String at : wrong) {
      long before = TopicProbe.size(Topics.CHECKS);
      Resp r =
          api.post(
              "/api/v1/checks/results",
              integration,
              "{\"check\":\"home\",\"service\":\"shop\",\"ok\":true,\"at\":\"" + at + "\"}");
      assertThat(r.status()).as(at + " " + r.raw()).isEqualTo(400);
      assertThat(r.body().path("detail").asText()).contains("at must lie between");
      assertThat(TopicProbe.size(Topics.CHECKS)).isEqualTo(before);
    }
    Resp tooLong =
        api.post(
            "/api/v1/checks/results",
            integration,
            "{\"check\":\"home\",\"service\":\"shop\",\"ok\":false,\"detail\":\""
                + "x".repeat(1001)
                + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().path("detail").asText())
        .isEqualTo("detail must be at most 1000 characters");
    Resp fine =
        api.post(
            "/api/v1/checks/results",
            integration,
            "{\"check\":\"home\",\"service\":\"shop\",\"ok\":true,\"at\":\""
                + now.minus(1, ChronoUnit.HOURS)
                + "\"}");
    assertThat(fine.status()).as(fine.raw()).isEqualTo(202);
  }
}
