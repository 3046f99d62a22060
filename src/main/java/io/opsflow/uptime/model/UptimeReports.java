package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Measures services from their stored results and maintenance windows. A check's interval is its
 * configured one (checks.yaml) or else the median gap between its results (at least 1 s; 60 s when
 * there are fewer than two). Results up to {@link #LOOKBACK} before a period carry into it.
 */
public final class UptimeReports {
  public static final Duration LOOKBACK = Duration.ofHours(6);
  public static final Duration FALLBACK_INTERVAL = Duration.ofSeconds(60);

  private final CheckResults results;
  private final MaintenanceCalendar calendar;
  private final BiFunction<String, String, Optional<Duration>> configuredInterval;
  private final Clock clock;

  /**
   * @param configuredInterval (organization, check id) to the check's configured interval
   */
  public UptimeReports(
      CheckResults results,
      MaintenanceCalendar calendar,
      BiFunction<String, String, Optional<Duration>> configuredInterval,
      Clock clock) {
    this.results = results;
    this.calendar = calendar;
    this.configuredInterval = configuredInterval;
    this.clock = clock;
  }

  public UptimeReport month(String org, String service, YearMonth month, ZoneId zone) {
    Interval whole = UptimeReport.monthIn(month, zone);
    Availability.Measured m = measure(org, service, UptimeReport.measured(whole, clock.instant()));
    return UptimeReport.of(service, month, whole, m, UptimeReport.TARGET);
  }

  /** The burn rate over the last {@link BurnRate#WINDOW}. */
  public double burnRate(String org, String service) {
    Instant now = clock.instant();
    return BurnRate.of(
        measure(org, service, new Interval(now.minus(BurnRate.WINDOW), now)), UptimeReport.TARGET);
  }

  public Availability.Measured measure(String org, String service, Interval period) {
    List<CheckResult> found =
        results.results(org, service, period.start().minus(LOOKBACK), period.end());
    Map<String, Duration> intervals =
        found.stream().collect(Collectors.groupingBy(CheckResult::check)).entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        configuredInterval
                            .apply(org, e.getKey())
                            .orElseGet(() -> medianGap(e.getValue()))));
    return Availability.measure(
        period,
        found,
        intervals::get,
        calendar.maintenanceOf(org, service, period.start(), period.end()));
  }

  static Duration medianGap(List<CheckResult> sorted) {
    if (sorted.size() < 2) {
      return FALLBACK_INTERVAL;
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      gaps.add(Duration.between(sorted.get(i - 1).at(), sorted.get(i).at()).toMillis());
    }
    gaps.sort(null);
    return Duration.ofMillis(Math.max(1000, gaps.get(gaps.size() / 2)));
  }
}
