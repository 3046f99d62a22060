package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.sla.model.Interval;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.uptime.model.MaintenanceTransition;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A window's start and end go on the timelines of the open incidents of its service. */
class MaintenanceTimelineTest {

  @Test
  void startAndEndAreOnTheOpenIncidentsOfTheServiceOnly() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    TestApp.Tenant t = app.aCustomerOrg();
    io.opsflow.testing.TenantServices.giveShipped(app, t.organization());
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String id = api.onlyIncidentId(t.sre());
    Instant start = Instant.parse("2026-11-23T10:00:00Z");
    Instant end = start.plusSeconds(3600);
    try (OnCallConfig oncall = OnCallConfig.start(app.oncallDir(), Clock.systemUTC())) {
      MaintenanceTimeline timeline =
          new MaintenanceTimeline(app.app().database(), () -> oncall.snapshot().services());
      MaintenanceWindow ofItsService = window(t.organization(), "db-primary", start, end);
      MaintenanceWindow ofAnother = window(t.organization(), "checkout", start, end);

      assertThat(timeline.record(transition(ofAnother, start, end))).isZero();
      assertThat(timeline.record(transition(ofItsService, start, end))).isEqualTo(1);
      assertThat(
              timeline.record(
                  new MaintenanceTransition(
                      MaintenanceTransition.Kind.ENDED,
                      end,
                      ofItsService,
                      new Interval(start, end))))
          .isEqualTo(1);
    }

    assertThat(
            api.get("/api/v1/incidents/" + id, t.sre())
                .body()
                .path("timeline")
                .findValuesAsText("message"))
        .contains(
            "Maintenance window 'drill' started (until "
                + end
                + "): escalation pages nobody meanwhile",
            "Maintenance window 'drill' ended: escalation pages again");
  }

  private static MaintenanceWindow window(String org, String service, Instant start, Instant end) {
    return new MaintenanceWindow(
        "mw-" + service, org, service, "drill", Recurrence.once(start, end), "api", start);
  }

  private static MaintenanceTransition transition(MaintenanceWindow w, Instant start, Instant end) {
    return new MaintenanceTransition(
        MaintenanceTransition.Kind.STARTED, start, w, new Interval(start, end));
  }
}
