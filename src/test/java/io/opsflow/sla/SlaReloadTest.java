package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/sla/reload} and {@code GET /api/v1/sla/settings}: a broken calendar or
 * holidays file is refused with file and line and the settings in force stay; a good one is in
 * force for the next incident without a restart.
 */
class SlaReloadTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void brokenFilesAreRefusedAndTheSettingsInForceStay() throws IOException {
    Path dir = app.app().slaConfig().dir();
    Path calendars = dir.resolve("calendars.yaml");
    Path policies = dir.resolve("policies.yaml");
    Path ics = dir.resolve("holidays/de-berlin.ics");
    String shippedCalendars = Files.readString(calendars);
    String shippedPolicies = Files.readString(policies);
    String shippedIcs = Files.readString(ics);
    TestApp.Tenant t = app.aCustomerOrg();
    assertThat(api.post("/api/v1/sla/reload", t.sre(), "").status()).isEqualTo(403);
    assertThat(api.get("/api/v1/sla/settings", t.sre()).status()).isEqualTo(403);
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String earlier = api.onlyIncidentId(t.sre());
    JsonNode earlierClocks =
        api.await("/api/v1/incidents/" + earlier, t.sre(), x -> x.path("sla").size() == 2);
    Instant opened = Instant.parse(earlierClocks.path("openedAt").asText());
    try {
      JsonNode before = api.get("/api/v1/sla/settings", app.adminToken()).body();
      assertBerlinAsShipped(before);
      assertThat(before.path("policies").findValuesAsText("organization"))
          .containsExactly("acme", "globex");
      assertThat(before.path("default").path("calendar").asText()).isEqualTo("default");
      assertThat(before.path("default").path("targets").path("P-0").path("response").path("time"))
          .hasToString("\"PT1H\"");

      Files.writeString(calendars, shippedCalendars.replace("Europe/Berlin", "Europe/Berln"));
      assertRefused("calendars.yaml:4: unknown time zone 'Europe/Berln'");

      Files.writeString(
          calendars,
          shippedCalendars.replace("[\"09:00-12:00\", \"13:00-17:00\"]", "[\"17:00-09:00\"]"));
      assertRefused(
          "calendars.yaml:6: 'mon-fri': working frame 17:00-09:00 must end after it starts");

      Files.writeString(calendars, shippedCalendars);
      Files.writeString(ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-12-25\nEND:VEVENT\n");
      assertRefused("calendars.yaml:9: holidays file holidays/de-berlin.ics:3: DTSTART:");
      assertBerlinAsShipped(api.get("/api/v1/sla/settings", app.adminToken()).body());

      Files.writeString(ics, shippedIcs);
      Files.writeString(
          calendars,
          shippedCalendars
              + "\n  - id: sydney-support\n    timeZone: Australia/Sydney\n    hours:\n"
              + "      mon-fri: [\"08:00-16:00\"]\n");
      Files.writeString(
          policies,
          shippedPolicies
              + "  "
              + t.organization()
              + ":\n    calendar: sydney-support\n    P-0: {response: 30m}\n");
      ApiCalls.Resp reloaded = api.post("/api/v1/sla/reload", app.adminToken(), "");
      assertThat(reloaded.status()).isEqualTo(200);
      assertThat(reloaded.body().path("status").asText()).isEqualTo("reloaded");
      assertThat(reloaded.body().path("calendars").findValuesAsText("id"))
          .contains("berlin-office", "new-york-support", "sydney-support");
      assertThat(reloaded.body().path("policies").findValuesAsText("organization"))
          .contains(t.organization());
      // the running response clock of the earlier incident now counts 30 minutes, not an hour
      assertThat(reloaded.body().path("clocksMoved").asInt()).isGreaterThanOrEqualTo(1);
      JsonNode moved = api.get("/api/v1/incidents/" + earlier, t.sre()).body();
      assertThat(Instant.parse(moved.path("sla").get(0).path("due").asText()))
          .isEqualTo(opened.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS));
      assertThat(moved.path("timeline").findValuesAsText("message"))
          .anyMatch(m -> m.startsWith("SLA response due ") && m.endsWith("now in force"));

      String trigger = Samples.pagerDuty("pagerduty-trigger.json", t.integration());
      api.post("/api/v1/events", null, trigger.replace("db-primary-disk-usage", "db-replica-lag"));
      String id =
          api.await("/api/v1/incidents", t.sre(), p -> p.path("items").size() == 2)
              .path("items")
              .get(0)
              .path("id")
              .asText();
      JsonNode d = api.await("/api/v1/incidents/" + id, t.sre(), x -> x.path("sla").size() == 2);
      JsonNode response = d.path("sla").get(0);
      assertThat(response.path("kind").asText()).isEqualTo("response");
      assertThat(response.path("calendar").asText()).isEqualTo("sydney-support");
      assertThat(response.path("target").asText()).isEqualTo("PT30M");
    } finally {
      Files.writeString(calendars, shippedCalendars);
      Files.writeString(policies, shippedPolicies);
      Files.writeString(ics, shippedIcs);
      assertThat(api.post("/api/v1/sla/reload", app.adminToken(), "").status()).isEqualTo(200);
    }
  }

  private void assertRefused(String problem) {
    ApiCalls.Resp refused = api.post("/api/v1/sla/reload", app.adminToken(), "");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().path("error").asText()).isEqualTo("invalid SLA configuration");
    assertThat(refused.body().path("problems")).anyMatch(p -> p.asText().contains(problem));
    assertBerlinAsShipped(api.get("/api/v1/sla/settings", app.adminToken()).body());
  }

  private static void assertBerlinAsShipped(JsonNode settings) {
    JsonNode berlin = null;
    for (JsonNode c : settings.path("calendars")) {
      if (c.path("id").asText().equals("berlin-office")) {
        berlin = c;
      }
    }
    assertThat(berlin).isNotNull();
    assertThat(berlin.path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(berlin.path("hours").path("mon").toString())
        .isEqualTo("[\"09:00-12:00\",\"13:00-17:00\"]");
    // Neujahr, a yearly event of the iCalendar file, is always within the coming year
    assertThat(berlin.path("upcomingHolidays")).anyMatch(h -> h.asText().endsWith("-01-01"));
  }
}
