package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

  private enum State {
    UP,
    DOWN
  }

  private record Segment(Instant start, Instant end, State state) {}

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
    Map<String, List<Segment>> byCheck = new TreeMap<>();
    Map<String, List<CheckResult>> grouped =
        results.stream()
            .collect(Collectors.groupingBy(CheckResult::check, TreeMap::new, Collectors.toList()));
    grouped.forEach((check, rs) -> byCheck.put(check, segments(rs, intervalOf.apply(check))));
    List<Interval> clipped = new ArrayList<>();
    maintenance.forEach(m -> m.clip(period.start(), period.end()).ifPresent(clipped::add));
    List<Interval> maint = MaintenanceWindows.merge(clipped);

    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(period.start());
    cuts.add(period.end());
    for (List<Segment> segs : byCheck.values()) {
      for (Segment s : segs) {
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
          State s = stateAt(byCheck, at);
          if (s == State.DOWN) {
            down += ms;
          } else if (s == State.UP) {
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

  private static List<Segment> segments(List<CheckResult> results, Duration interval) {
    List<CheckResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(CheckResult::at));
    Duration trusted = interval.multipliedBy(GAP_INTERVALS);
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      CheckResult r = sorted.get(i);
      Instant limit = r.at().plus(trusted);
      Instant end =
          i + 1 < sorted.size() && sorted.get(i + 1).at().isBefore(limit)
              ? sorted.get(i + 1).at()
              : limit;
      if (end.isAfter(r.at())) {
        out.add(new Segment(r.at(), end, r.ok() ? State.UP : State.DOWN));
      }
    }
    return out;
  }

  /** DOWN if any check says down at {@code at}, UP if one says up, else null (unknown). */
  private static State stateAt(Map<String, List<Segment>> byCheck, Instant at) {
    State found = null;
    for (List<Segment> segs : byCheck.values()) {
      Segment s = segmentAt(segs, at);
      if (s != null) {
        if (s.state() == State.DOWN) {
          return State.DOWN;
        }
        found = State.UP;
      }
    }
    return found;
  }

  private static Segment segmentAt(List<Segment> segs, Instant at) {
    int lo = 0;
    int hi = segs.size() - 1;
    Segment best = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Segment s = segs.get(mid);
      if (s.start().isAfter(at)) {
        hi = mid - 1;
      } else {
        best = s;
        lo = mid + 1;
      }
    }
    return best != null && at.isBefore(best.end()) ? best : null;
  }
}
