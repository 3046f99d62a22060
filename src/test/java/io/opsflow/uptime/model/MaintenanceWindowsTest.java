package io.opsflow.uptime.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.sla.model.Interval;
import io.opsflow.sla.model.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceWindowsTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private final MaintenanceWindow checkoutNightly =
      new MaintenanceWindow(
          "mw-1",
          "acme",
          "checkout",
          "nightly deploy",
          Recurrence.recurring(
              "FREQ=DAILY",
              LocalDateTime.parse("2026-06-01T23:30"),
              ZoneId.of("UTC"),
              Duration.ofHours(1)),
          "api",
          CREATED);
  private final MaintenanceWindow acmeWide =
      new MaintenanceWindow(
          "mw-2",
          "acme",
          null,
          "datacenter move",
          Recurrence.once(
              Instant.parse("2026-06-10T10:00:00Z"), Instant.parse("2026-06-10T11:00:00Z")),
          "file",
          CREATED);
  private final MaintenanceCalendar calendar =
      new MaintenanceWindows(() -> List.of(checkoutNightly, acmeWide));

  @Test
  void activeForFindsTheServiceWindowAndTheOrganizationWideOne() {
    assertThat(calendar.activeFor("acme", "checkout", Instant.parse("2026-06-05T00:15:00Z")))
        .contains(checkoutNightly);
    assertThat(calendar.activeFor("acme", "search", Instant.parse("2026-06-05T00:15:00Z")))
        .isEmpty();
    assertThat(calendar.activeFor("acme", "search", Instant.parse("2026-06-10T10:30:00Z")))
        .contains(acmeWide);
    assertThat(calendar.activeFor("other-org", "checkout", Instant.parse("2026-06-05T00:15:00Z")))
        .isEmpty();
  }

  @Test
  void maintenanceOfMergesAndClips() {
    List<Interval> m =
        calendar.maintenanceOf(
            "acme",
            "checkout",
            Instant.parse("2026-06-10T00:00:00Z"),
            Instant.parse("2026-06-11T00:00:00Z"));
    assertThat(m)
        .containsExactly(
            new Interval(
                Instant.parse("2026-06-10T00:00:00Z"), Instant.parse("2026-06-10T00:30:00Z")),
            new Interval(
                Instant.parse("2026-06-10T10:00:00Z"), Instant.parse("2026-06-10T11:00:00Z")),
            new Interval(
                Instant.parse("2026-06-10T23:30:00Z"), Instant.parse("2026-06-11T00:00:00Z")));
  }

  @Test
  void transitionsBetweenListsStartsAndEndsIncludingOccurrencesThatBeganBefore() {
    List<MaintenanceTransition> t =
        calendar.transitionsBetween(
            Instant.parse("2026-06-10T00:00:00Z"), Instant.parse("2026-06-10T12:00:00Z"));
    assertThat(t)
        .extracting(x -> x.window().id() + " " + x.kind() + " " + x.at())
        .containsExactly(
            "mw-1 ENDED 2026-06-10T00:30:00Z",
            "mw-2 STARTED 2026-06-10T10:00:00Z",
            "mw-2 ENDED 2026-06-10T11:00:00Z");
  }
}
