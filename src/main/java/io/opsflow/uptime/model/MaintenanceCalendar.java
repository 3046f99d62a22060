package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The query port for maintenance windows: what the alert path asks before paging, and what a
 * scanner asks to put window starts and ends on the timeline.
 */
public interface MaintenanceCalendar {

  /** No maintenance windows at all. */
  static MaintenanceCalendar none() {
    return new MaintenanceCalendar() {
      @Override
      public Optional<MaintenanceWindow> activeFor(
          String organization, String service, Instant at) {
        return Optional.empty();
      }

      @Override
      public List<Interval> maintenanceOf(
          String organization, String service, Instant from, Instant to) {
        return List.of();
      }

      @Override
      public List<MaintenanceTransition> transitionsBetween(Instant from, Instant to) {
        return List.of();
      }
    };
  }

  /** A window of the service (or of its whole organization) open at {@code at}, if any. */
  Optional<MaintenanceWindow> activeFor(String organizationId, String serviceId, Instant at);

  /** Maintenance time of the service overlapping {@code [from, to)}, merged and clipped. */
  List<Interval> maintenanceOf(String organizationId, String serviceId, Instant from, Instant to);

  /** Every window start and end in {@code [from, to)}, in time order. */
  List<MaintenanceTransition> transitionsBetween(Instant from, Instant to);
}
