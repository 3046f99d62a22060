package io.opsflow.incident.model;

import java.util.Objects;
import java.util.Set;

/**
 * The answer of a triage table: a priority ({@code P-0}, {@code P-1} or {@code P-2}) and an
 * escalation policy id (empty: the default policy), and which table gave it. {@link #none} when the
 * table gave no (usable) answer.
 */
public record TriageDecision(String priority, String policy, String decidedBy) {
  public static final Set<String> PRIORITIES = Set.of("P-0", "P-1", "P-2");

  public TriageDecision {
    priority = Objects.requireNonNullElse(priority, "").trim();
    policy = Objects.requireNonNullElse(policy, "").trim();
    decidedBy = Objects.requireNonNullElse(decidedBy, "");
  }

  public static TriageDecision none(String why) {
    return new TriageDecision("", "", why);
  }

  /** Whether the priority is one the contract knows. */
  public boolean answered() {
    return PRIORITIES.contains(priority);
  }
}
