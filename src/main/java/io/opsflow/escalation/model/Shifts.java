package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Function;

/** Renders "who is on call" between change points into merged shifts. */
final class Shifts {
  private Shifts() {}

  /**
   * @param changes every instant in {@code [from, to)} at which the answer may change, with {@code
   *     from} among them
   */
  static List<Shift> render(
      NavigableSet<Instant> changes, Instant to, Function<Instant, Optional<String>> onCall) {
    List<Shift> shifts = new ArrayList<>();
    for (Instant start : changes) {
      Instant end = Optional.ofNullable(changes.higher(start)).orElse(to);
      Optional<String> user = onCall.apply(start);
      if (user.isEmpty() || !end.isAfter(start)) {
        continue;
      }
      Shift last = shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
      if (last != null && last.user().equals(user.get()) && last.end().equals(start)) {
        shifts.set(shifts.size() - 1, new Shift(last.user(), last.start(), end));
      } else {
        shifts.add(new Shift(user.get(), start, end));
      }
    }
    return List.copyOf(shifts);
  }
}
