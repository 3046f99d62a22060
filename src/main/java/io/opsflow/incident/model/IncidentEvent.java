package io.opsflow.incident.model;

import java.time.Instant;

/** A lifecycle change that leaves opsflow on {@code opsflow.events} (and later as webhooks). */
public record IncidentEvent(
    String type,
    String incidentId,
    String organizationId,
    Instant at,
    String actor,
    IncidentStatus status,
    String title) {

  public static final String TRIGGERED = "io.opsflow.incident.triggered";
  public static final String ACKNOWLEDGED = "io.opsflow.incident.acknowledged";
  public static final String RESOLVED = "io.opsflow.incident.resolved";
  public static final String ALERT_ADDED = "io.opsflow.incident.alert_added";
  public static final String ALERT_FIRED = "io.opsflow.incident.alert_fired";
  public static final String ALERT_RESOLVED = "io.opsflow.incident.alert_resolved";
  public static final String SEVERITY_RAISED = "io.opsflow.incident.severity_raised";
  public static final String PRIORITIZED = "io.opsflow.incident.prioritized";
  public static final String ESCALATED = "io.opsflow.incident.escalated";
  public static final String SLA_WARNING = "io.opsflow.incident.sla_warning";
  public static final String SLA_BREACHED = "io.opsflow.incident.sla_breached";

  public static IncidentEvent of(String type, Incident i, Instant at, String actor) {
    return new IncidentEvent(type, i.id(), i.organizationId(), at, actor, i.status(), i.title());
  }
}
