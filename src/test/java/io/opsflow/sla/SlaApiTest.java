package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks on a running instance: a P-0 incident gets its response (1 h, 24x7) and resolution
 * clocks, a pause and a resume move the deadline, the acknowledgement meets the response target,
 * and the monthly report counts it, for the caller's organization only.
 */
class SlaApiTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void aP0IncidentsClocksPauseResumeMeetAndReport() {
    TestApp.Tenant t = app.aCustomerOrg();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String id = api.onlyIncidentId(t.sre());
    // the detail reads the incident and its clocks in two statements: wait for both
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x -> x.path("sla").size() == 2 && x.path("priority").isTextual());
    JsonNode response = clock(d, "response");
    assertThat(d.path("priority").asText()).isEqualTo("P-0");
    assertThat(response.path("target").asText()).isEqualTo("PT1H");
    assertThat(response.path("calendar").asText()).isEqualTo("default");
    Instant opened = Instant.parse(d.path("openedAt").asText());
    Instant due = Instant.parse(response.path("due").asText());
    // clocks keep milliseconds
    assertThat(due)
        .isEqualTo(
            opened.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(clock(d, "resolution").path("target").asText()).isEqualTo("PT4H");
    String path = "/api/v1/incidents/" + id + "/sla/";

    assertThat(api.post(path + "pause", t.sre(), "{}").status()).isEqualTo(400);
    assertThat(
            api.post(path + "pause", t.sre(), "{\"reason\":\"waiting on the customer\"}").status())
        .isEqualTo(202);
    JsonNode paused =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x ->
                clock(x, "response").path("paused").asBoolean()
                    && x.path("timeline")
                        .findValuesAsText("message")
                        .contains("SLA clocks paused: waiting on the customer (user:alice)"));
    assertThat(clock(paused, "resolution").path("paused").asBoolean()).isTrue();
    assertThat(api.post(path + "resume", t.sre(), "").status()).isEqualTo(202);
    JsonNode resumed =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x -> !clock(x, "response").path("paused").asBoolean());
    assertThat(Instant.parse(clock(resumed, "response").path("due").asText())).isAfter(due);

    api.post("/api/v1/incidents/" + id + "/acknowledge", t.sre(), "{}");
    JsonNode acked =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x -> !clock(x, "response").path("stoppedAt").isNull());
    assertThat(clock(acked, "response").path("met").asBoolean()).isTrue();
    assertThat(clock(acked, "resolution").path("stoppedAt").isNull()).isTrue();

    String month = YearMonth.now(ZoneOffset.UTC).toString();
    JsonNode report = api.get("/api/v1/reports/sla?month=" + month, t.sre()).body().path("items");
    assertThat(report)
        .anyMatch(
            l ->
                l.path("kind").asText().equals("response")
                    && l.path("priority").asText().equals("P-0")
                    && l.path("clocks").asInt() == 1
                    && l.path("met").asInt() == 1
                    && l.path("shareMet").asDouble() == 1.0);
    assertThat(api.get("/api/v1/reports/sla?organization=another-org", t.sre()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/reports/sla", app.adminToken()).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/reports/sla?month=2026-13", t.sre()).status()).isEqualTo(400);
    assertThat(
            api.get(
                    "/api/v1/reports/sla?organization=" + t.organization() + "&month=" + month,
                    app.adminToken())
                .body()
                .path("items"))
        .isNotEmpty();
    assertThat(api.get("/metrics", null).raw())
        .contains("opsflow_incident_first_response_seconds_count{priority=\"P-0\"}");
  }

  @Test
  void theListCarriesEachIncidentsClocksAsTheDetailDoes() {
    TestApp.Tenant t = app.aCustomerOrg();
    String trigger = Samples.pagerDuty("pagerduty-trigger.json", t.integration());
    api.post("/api/v1/events", null, trigger);
    api.post("/api/v1/events", null, trigger.replace("db-primary-disk-usage", "db-replica-lag"));
    JsonNode list =
        api.await(
            "/api/v1/incidents",
            t.sre(),
            p ->
                p.path("items").size() == 2
                    && p.path("items").get(0).path("sla").size() == 2
                    && p.path("items").get(1).path("sla").size() == 2);
    for (JsonNode item : list.path("items")) {
      JsonNode detail = api.get("/api/v1/incidents/" + item.path("id").asText(), t.sre()).body();
      assertThat(item.path("sla").findValuesAsText("kind"))
          .containsExactly("response", "resolution");
      for (String kind : new String[] {"response", "resolution"}) {
        JsonNode listed = clock(item, kind);
        JsonNode shown = clock(detail, kind);
        for (String field :
            new String[] {
              "priority", "calendar", "target", "startedAt", "due", "paused", "breached", "met"
            }) {
          assertThat(listed.path(field)).as(kind + " " + field).isEqualTo(shown.path(field));
        }
        assertThat(listed.has("remaining")).isTrue();
        assertThat(listed.path("stoppedAt").isNull()).isTrue();
      }
    }
    // a page of one carries only its own incident's clocks
    JsonNode first = api.get("/api/v1/incidents?limit=1", t.sre()).body().path("items");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).path("sla")).hasSize(2);
  }

  private static JsonNode clock(JsonNode detail, String kind) {
    for (JsonNode c : detail.path("sla")) {
      if (c.path("kind").asText().equals(kind)) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
