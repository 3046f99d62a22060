package io.opsflow.uptime.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What each check said when, for {@link Availability}: a result's state holds until the check's
 * next result, for at most {@link Availability#GAP_INTERVALS} of its intervals.
 */
final class CheckSegments {
  private CheckSegments() {}

  enum State {
    UP,
    DOWN
  }

  record Segment(Instant start, Instant end, State state) {}

  static List<Segment> segments(List<CheckResult> results, Duration interval) {
    List<CheckResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(CheckResult::at));
    Duration trusted = interval.multipliedBy(Availability.GAP_INTERVALS);
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
  static State stateAt(Map<String, List<Segment>> byCheck, Instant at) {
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
