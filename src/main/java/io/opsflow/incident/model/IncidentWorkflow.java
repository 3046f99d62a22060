package io.opsflow.incident.model;

import java.time.Instant;

/**
 * Port to the incident process. The implementation lives in {@code io.opsflow.workflow}; every call
 * is idempotent, so a dispatcher that retries after a crash changes nothing twice.
 */
public interface IncidentWorkflow {

  /** Starts the process for this incident unless one already exists for it. */
  void start(String incidentId, String organizationId, Instant openedAt);

  /**
   * As {@link #start(String, String, Instant)}. {@code firstDelivery} tells that no earlier call
   * for this start can have reached the engine (the dispatcher's first attempt), so the look-up for
   * an existing process may be skipped.
   */
  default void start(
      String incidentId, String organizationId, Instant openedAt, boolean firstDelivery) {
    start(incidentId, organizationId, openedAt);
  }

  /** Delivers the acknowledge message; a process that is no longer waiting for it ignores it. */
  void acknowledge(String incidentId, String actor);

  /** Delivers the resolve message; a process that already ended ignores it. */
  void resolve(String incidentId, String actor);

  /** Delivers the escalate message: a process waiting for its next escalation step runs it now. */
  void escalate(String incidentId, String actor);

  /** Starts the SLA clock process for {@code clockId} unless one exists for it. */
  void startSla(String clockId);

  /** As {@link #startSla(String)}; {@code firstDelivery} as for {@code start}. */
  default void startSla(String clockId, boolean firstDelivery) {
    startSla(clockId);
  }

  /**
   * Tells the SLA clock's process that the clock changed (paused, resumed, retargeted, stopped).
   */
  void updateSla(String clockId);

  /** True while a process instance for this incident is running. */
  boolean isRunning(String incidentId);
}
