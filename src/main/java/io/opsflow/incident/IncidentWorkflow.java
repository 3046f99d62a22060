package io.opsflow.incident;

import java.time.Instant;

/**
 * Port to the incident process. The implementation lives in {@code io.opsflow.workflow}; every call
 * is idempotent, so a dispatcher that retries after a crash changes nothing twice.
 */
public interface IncidentWorkflow {

  /** Starts the process for this incident unless one already exists for it. */
  void start(String incidentId, String organizationId, Instant openedAt);

  /** Delivers the acknowledge message; a process that is no longer waiting for it ignores it. */
  void acknowledge(String incidentId, String actor);

  /** Delivers the resolve message; a process that already ended ignores it. */
  void resolve(String incidentId, String actor);

  /** Starts the SLA clock process for {@code clockId} unless one exists for it. */
  void startSla(String clockId);

  /**
   * Tells the SLA clock's process that the clock changed (paused, resumed, retargeted, stopped).
   */
  void updateSla(String clockId);

  /** True while a process instance for this incident is running. */
  boolean isRunning(String incidentId);
}
