package io.opsflow.incident.model;

import java.time.Instant;

/** Human actions on an incident, applied from {@code opsflow.commands}. */
public final class IncidentCommands {
  private final Triage triage = new Triage();

  /** The result of a command, reported on the timeline and in metrics. */
  public enum Result {
    APPLIED,
    NO_CHANGE,
    NOT_FOUND
  }

  public Result acknowledge(String incidentId, String actor, Instant at, IncidentStore store) {
    return store
        .find(incidentId)
        .map(
            i ->
                IncidentTransitions.acknowledge(i, actor, at, store)
                    ? Result.APPLIED
                    : Result.NO_CHANGE)
        .orElse(Result.NOT_FOUND);
  }

  public Result resolve(String incidentId, String actor, Instant at, IncidentStore store) {
    return store
        .find(incidentId)
        .map(
            i ->
                IncidentTransitions.resolve(i, actor, at, store)
                    ? Result.APPLIED
                    : Result.NO_CHANGE)
        .orElse(Result.NOT_FOUND);
  }

  /**
   * A person sets the priority (P-0, P-1 or P-2); the timeline says who.
   *
   * @throws IllegalArgumentException for any other priority
   */
  public Result prioritize(
      String incidentId, String priority, String actor, Instant at, IncidentStore store) {
    return store
        .find(incidentId)
        .map(
            i ->
                triage.prioritizeByHand(i, priority, actor, at, store)
                    ? Result.APPLIED
                    : Result.NO_CHANGE)
        .orElse(Result.NOT_FOUND);
  }
}
