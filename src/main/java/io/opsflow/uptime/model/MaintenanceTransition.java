package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Instant;

/** A maintenance window opening or closing, for the timeline of the service's incidents. */
public record MaintenanceTransition(
    Kind kind, Instant at, MaintenanceWindow window, Interval occurrence) {
  public enum Kind {
    STARTED,
    ENDED
  }
}
