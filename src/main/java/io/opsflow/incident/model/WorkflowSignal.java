package io.opsflow.incident.model;

import java.time.Instant;

/**
 * A step for the incident process (or, for the {@code SLA_} kinds, for the SLA clock whose id is in
 * {@code incidentId}; for the {@code TICKET_} kinds, for the ticket), written in the same
 * transaction as the change that caused it and delivered to the engine afterwards, in order, at
 * least once (the engine side is idempotent).
 */
public record WorkflowSignal(
    String incidentId, String organizationId, Kind kind, String actor, Instant at) {
  public enum Kind {
    START,
    ACKNOWLEDGE,
    RESOLVE,
    ESCALATE,
    SLA_START,
    SLA_UPDATE,
    TICKET_START,
    TICKET_RESOLVED,
    TICKET_REOPENED,
    TICKET_CLOSED
  }
}
