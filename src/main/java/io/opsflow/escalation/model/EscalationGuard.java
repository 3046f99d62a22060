package io.opsflow.escalation.model;

import io.opsflow.incident.model.IncidentStatus;
import java.util.Objects;

/** The check every timer-triggered escalation step makes before notifying anybody. */
public final class EscalationGuard {

  /** Only an incident nobody has acknowledged or resolved escalates further. */
  public boolean shouldEscalate(IncidentStatus status) {
    return Objects.requireNonNull(status, "status") == IncidentStatus.TRIGGERED;
  }
}
