package io.opsflow.sla;

import java.time.Instant;

/** A maintenance window opening or closing, for the timeline of the service's incidents. */
public record MaintenanceTransition(
    Kind kind, Instant at, MaintenanceWindow window, Interval occurrence) {
  public enum Kind {
    STARTED,
    ENDED
  }
}
