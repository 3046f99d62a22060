package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The calendar over whatever windows its source holds (the database and the config file). */
public final class MaintenanceWindows implements MaintenanceCalendar {
  private final Supplier<List<MaintenanceWindow>> windows;

  public MaintenanceWindows(Supplier<List<MaintenanceWindow>> windows) {
    this.windows = windows;
  }

  @Override
  public Optional<MaintenanceWindow> activeFor(
      String organizationId, String serviceId, Instant at) {
    return windows.get().stream()
        .filter(w -> w.appliesTo(organizationId, serviceId))
        .filter(w -> w.covers(at))
        .findFirst();
  }

  @Override
  public List<Interval> maintenanceOf(
      String organizationId, String serviceId, Instant from, Instant to) {
    List<Interval> all = new ArrayList<>();
    for (MaintenanceWindow w : windows.get()) {
      if (w.appliesTo(organizationId, serviceId)) {
        w.occurrencesBetween(from, to).forEach(o -> o.clip(from, to).ifPresent(all::add));
      }
    }
    return merge(all);
  }

  @Override
  public List<MaintenanceTransition> transitionsBetween(Instant from, Instant to) {
    List<MaintenanceTransition> out = new ArrayList<>();
    for (MaintenanceWindow w : windows.get()) {
      // an occurrence ending in the period may have started before it
      for (Interval o : w.occurrencesBetween(from.minus(w.schedule().duration()), to)) {
        if (!o.start().isBefore(from) && o.start().isBefore(to)) {
          out.add(new MaintenanceTransition(MaintenanceTransition.Kind.STARTED, o.start(), w, o));
        }
        if (!o.end().isBefore(from) && o.end().isBefore(to)) {
          out.add(new MaintenanceTransition(MaintenanceTransition.Kind.ENDED, o.end(), w, o));
        }
      }
    }
    out.sort(Comparator.comparing(MaintenanceTransition::at));
    return out;
  }

  /** Sorts and merges overlapping or touching intervals. */
  static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(Interval::start));
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty() && !i.start().isAfter(out.get(out.size() - 1).end())) {
        Interval last = out.remove(out.size() - 1);
        out.add(new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
      } else {
        out.add(i);
      }
    }
    return out;
  }
}
