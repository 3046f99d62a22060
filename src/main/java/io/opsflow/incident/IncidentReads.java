package io.opsflow.incident;

import java.util.Optional;

/** How the other features read incidents, within the caller's organization scope. */
public interface IncidentReads {
  /** An incident with its timeline, SLA clocks and notifications. */
  Optional<IncidentQueries.Detail> get(String orgScope, String id);
}
