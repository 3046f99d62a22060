package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How long a service was up, down, in maintenance or unknown over a period, from its check results.
 * Each check says "up" from a successful result and "down" from a failed one, until its next
 * result; with no next result for more than 3 intervals of the check, it knows nothing ("unknown")
 * from 3 intervals after its last result. The service is down while any check says down, up while
 * none says down and one says up, unknown while no check knows. Maintenance time is excluded
 * whatever the checks say.
 */
public final class Availability {
  /** A check is trusted for this many of its intervals after its last result. */
  public static final int GAP_INTERVALS = 3;

  private Availability() {}

  /** Time spent in each state. */
  public record Measured(Duration up, Duration down, Duration maintenance, Duration unknown) {
    /** up / (up + down); null when nothing was known. */
    public Double availability() {
      long known = up.toMillis() + down.toMillis();
      return known == 0 ? null : (double) up.toMillis() / known;
    }
  }

  /**
   * @param results results of the service's checks, in any order; results before {@code period}
   *     carry their state into it
   * @param intervalOf the expected interval of a check
   * @param maintenance maintenance time (need not be clipped or merged)
   */
  public static Measured measure(
      Interval period,
      List<CheckResult> results,
      Function<String, Duration> intervalOf,
      List<Interval> maintenance) {
    Map<String, List<CheckSegments.Segment>> byCheck = new TreeMap<>();
    Map<String, List<CheckResult>> grouped =
        results.stream()
            .collect(Collectors.groupingBy(CheckResult::check, TreeMap::new, Collectors.toList()));
    grouped.forEach(
        (check, rs) -> byCheck.put(check, CheckSegments.segments(rs, intervalOf.apply(check))));
    List<Interval> clipped = new ArrayList<>();
    maintenance.forEach(m -> m.clip(period.start(), period.end()).ifPresent(clipped::add));
    List<Interval> maint = MaintenanceWindows.merge(clipped);

    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(period.start());
    cuts.add(period.end());
    for (List<CheckSegments.Segment> segs : byCheck.values()) {
      for (CheckSegments.Segment s : segs) {
        addIfInside(cuts, s.start(), period);
        addIfInside(cuts, s.end(), period);
      }
    }
    maint.forEach(m -> cuts.add(m.start()));
    maint.forEach(m -> cuts.add(m.end()));

    long up = 0;
    long down = 0;
    long inMaintenance = 0;
    long unknown = 0;
    Instant previous = null;
    for (Instant cut : cuts) {
      if (previous != null) {
        long ms = Duration.between(previous, cut).toMillis();
        Instant at = previous;
        if (maint.stream().anyMatch(m -> m.contains(at))) {
          inMaintenance += ms;
        } else {
          CheckSegments.State s = CheckSegments.stateAt(byCheck, at);
          if (s == CheckSegments.State.DOWN) {
            down += ms;
          } else if (s == CheckSegments.State.UP) {
            up += ms;
          } else {
            unknown += ms;
          }
        }
      }
      previous = cut;
    }
    return new Measured(
        Duration.ofMillis(up),
        Duration.ofMillis(down),
        Duration.ofMillis(inMaintenance),
        Duration.ofMillis(unknown));
  }

  private static void addIfInside(TreeSet<Instant> cuts, Instant t, Interval period) {
    if (t.isAfter(period.start()) && t.isBefore(period.end())) {
      cuts.add(t);
    }
  }
}
