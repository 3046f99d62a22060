package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import io.opsflow.sla.model.Recurrence;
import java.time.Instant;
import java.util.List;

/**
 * Scheduled maintenance of one service ({@code serviceId} set) or of a whole organization ({@code
 * serviceId} null). Time inside a window is excluded from the uptime SLA.
 *
 * @param source "api" for windows created over HTTP, "file" for those of {@code
 *     sla/maintenance.yaml}
 */
public record MaintenanceWindow(
    String id,
    String organizationId,
    String serviceId,
    String title,
    Recurrence schedule,
    String source,
    Instant createdAt) {

  /** True when the window concerns the service (its own window, or one of its organization). */
  public boolean appliesTo(String organization, String service) {
    return organizationId.equals(organization) && (serviceId == null || serviceId.equals(service));
  }

  public boolean covers(Instant at) {
    return schedule.covers(at);
  }

  public List<Interval> occurrencesBetween(Instant from, Instant to) {
    return schedule.occurrencesBetween(from, to);
  }
}
