package io.opsflow.uptime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsflow.sla.model.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed months: every figure below is worked out in the comments. */
class AvailabilityTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  /** A result every 10 minutes in [from, to), failed at {@code failures}, none at {@code gaps}. */
  private static List<CheckResult> every10Minutes(
      String check, Instant from, Instant to, Set<Instant> failures, Interval gap) {
    List<CheckResult> out = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plus(TEN_MINUTES)) {
      if (gap != null && gap.contains(t)) {
        continue;
      }
      out.add(new CheckResult(check, "checkout", !failures.contains(t), t, 5L, null));
    }
    return out;
  }

  private static UptimeReport report(
      YearMonth month, ZoneId zone, List<CheckResult> results, List<Interval> maintenance) {
    Interval whole = UptimeReport.monthIn(month, zone);
    Availability.Measured m =
        Availability.measure(
            UptimeReport.measured(whole, FAR_FUTURE), results, c -> TEN_MINUTES, maintenance);
    return UptimeReport.of("checkout", month, whole, m, UptimeReport.TARGET);
  }

  @Test
  void outageHalfInsideAMaintenanceWindowCountsOnlyTheOtherHalf() {
    // June 2026 (30 days = 43200 min). Failed results at 12:00 and 12:10, ok again at 12:20:
    // down 12:00-12:20. Maintenance 12:10-13:00 takes 12:10-12:20 of it: 10 min down, 50 maint.
    List<CheckResult> results =
        every10Minutes(
            "http",
            Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2026-07-01T00:00:00Z"),
            Set.of(Instant.parse("2026-06-10T12:00:00Z"), Instant.parse("2026-06-10T12:10:00Z")),
            null);
    UptimeReport r =
        report(
            YearMonth.of(2026, 6),
            ZoneOffset.UTC,
            results,
            List.of(
                new Interval(
                    Instant.parse("2026-06-10T12:10:00Z"), Instant.parse("2026-06-10T13:00:00Z"))));
    assertThat(r.downMinutes()).isEqualTo(10.0);
    assertThat(r.maintenanceMinutes()).isEqualTo(50.0);
    assertThat(r.unknownMinutes()).isEqualTo(0.0);
    assertThat(r.availability()).isCloseTo(43140.0 / 43150.0, within(1e-12));
    assertThat(r.errorBudgetMinutes()).isEqualTo(43.2);
    assertThat(r.errorBudgetLeftMinutes()).isEqualTo(33.2);
    assertThat(r.met()).isTrue();
  }

  @Test
  void aFailureJustBeforeMidnightCarriesIntoTheNextMonthAndGapsAreUnknown() {
    // results at xx:05, xx:15, ...; 31 May 23:55 failed, 1 June 00:05 ok: down 23:55-00:05,
    // 5 min in each month. No results from 20 June 00:05 to 05:55: the 19 June 23:55 result is
    // trusted for 3 intervals (to 00:25), then unknown until 06:05 = 340 min.
    List<CheckResult> results =
        every10Minutes(
            "http",
            Instant.parse("2026-05-31T23:55:00Z"),
            Instant.parse("2026-07-01T00:00:00Z"),
            Set.of(Instant.parse("2026-05-31T23:55:00Z")),
            new Interval(
                Instant.parse("2026-06-20T00:00:00Z"), Instant.parse("2026-06-20T06:00:00Z")));
    UptimeReport june = report(YearMonth.of(2026, 6), ZoneOffset.UTC, results, List.of());
    assertThat(june.downMinutes()).isEqualTo(5.0);
    assertThat(june.unknownMinutes()).isEqualTo(340.0);
    assertThat(june.availability()).isCloseTo(42855.0 / 42860.0, within(1e-12));
    assertThat(june.errorBudgetLeftMinutes()).isEqualTo(38.2);
    assertThat(june.met()).isTrue();

    // May: 44640 min, nothing known before 23:55, down for the last 5 minutes
    UptimeReport may = report(YearMonth.of(2026, 5), ZoneOffset.UTC, results, List.of());
    assertThat(may.downMinutes()).isEqualTo(5.0);
    assertThat(may.unknownMinutes()).isEqualTo(44635.0);
    assertThat(may.availability()).isEqualTo(0.0);
    assertThat(may.errorBudgetMinutes()).isEqualTo(44.64);
    assertThat(may.met()).isFalse();
  }

  @Test
  void theMonthOfTheSpringDstChangeIsAnHourShortInItsZone() {
    // March 2026 in Berlin: 28 Feb 23:00Z to 31 Mar 22:00Z = 743 h = 44580 min; budget 44.58.
    // One failed result at 29 Mar 01:00Z (03:00 CEST, just after the change): 10 min down.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<CheckResult> results =
        every10Minutes(
            "http",
            Instant.parse("2026-02-28T23:00:00Z"),
            Instant.parse("2026-03-31T22:00:00Z"),
            Set.of(Instant.parse("2026-03-29T01:00:00Z")),
            null);
    UptimeReport r = report(YearMonth.of(2026, 3), berlin, results, List.of());
    assertThat(r.downMinutes()).isEqualTo(10.0);
    assertThat(r.unknownMinutes()).isEqualTo(0.0);
    assertThat(r.errorBudgetMinutes()).isEqualTo(44.58);
    assertThat(r.errorBudgetLeftMinutes()).isEqualTo(34.58);
    assertThat(r.availability()).isCloseTo(44570.0 / 44580.0, within(1e-12));
    // the same results measured in UTC: March has 744 h there, the first hour unknown
    UptimeReport utc = report(YearMonth.of(2026, 3), ZoneOffset.UTC, results, List.of());
    assertThat(utc.errorBudgetMinutes()).isEqualTo(44.64);
  }

  @Test
  void aServiceIsDownWhileAnyCheckSaysDownAndUpWhileAnotherStillKnows() {
    // check a: ok at 00:00, failed at 00:10, ok at 00:30 -> down 00:10-00:30
    // check b: ok at 00:00 and 00:10, then silent -> trusted to 00:40
    // a's ok at 00:30 is trusted to 01:00; period 00:00-01:00: down 20, up 40, unknown 0
    Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
    List<CheckResult> results =
        List.of(
            new CheckResult("a", "checkout", true, t0, null, null),
            new CheckResult("a", "checkout", false, t0.plus(TEN_MINUTES), null, null),
            new CheckResult("a", "checkout", true, t0.plus(Duration.ofMinutes(30)), null, null),
            new CheckResult("b", "checkout", true, t0, null, null),
            new CheckResult("b", "checkout", true, t0.plus(TEN_MINUTES), null, null));
    Availability.Measured m =
        Availability.measure(
            new Interval(t0, t0.plus(Duration.ofHours(1))), results, c -> TEN_MINUTES, List.of());
    assertThat(m.down()).isEqualTo(Duration.ofMinutes(20));
    assertThat(m.up()).isEqualTo(Duration.ofMinutes(40));
    assertThat(m.unknown()).isZero();
  }

  @Test
  void burnRateOverTheLastHour() {
    Instant now = Instant.parse("2026-06-01T01:00:00Z");
    Interval hour = new Interval(now.minus(BurnRate.WINDOW), now);
    // down for the last 30 min: 50% of the hour / 0.1% allowed = 500
    List<CheckResult> halfDown =
        List.of(
            new CheckResult("a", "s", true, hour.start(), null, null),
            new CheckResult("a", "s", false, now.minus(Duration.ofMinutes(30)), null, null));
    double fast =
        BurnRate.of(
            Availability.measure(hour, halfDown, c -> Duration.ofMinutes(30), List.of()), 0.999);
    assertThat(fast).isCloseTo(500.0, within(1e-9));
    assertThat(BurnRate.fast(fast)).isTrue();
    // down 30 s of the hour: 0.8333% / 0.1% = 8.33, under 14.4
    List<CheckResult> blip =
        List.of(
            new CheckResult("a", "s", true, hour.start(), null, null),
            new CheckResult("a", "s", false, now.minus(Duration.ofMinutes(30)), null, null),
            new CheckResult("a", "s", true, now.minus(Duration.ofSeconds(1770)), null, null));
    double slow =
        BurnRate.of(
            Availability.measure(hour, blip, c -> Duration.ofMinutes(30), List.of()), 0.999);
    assertThat(slow).isCloseTo(8.333333, within(1e-5));
    assertThat(BurnRate.fast(slow)).isFalse();
  }
}
