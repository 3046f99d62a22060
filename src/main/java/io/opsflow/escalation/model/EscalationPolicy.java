package io.opsflow.escalation.model;

import java.util.List;
import java.util.Objects;

/**
 * An escalation policy as configured: ordered levels, run once and then {@code repeat} more times
 * while nobody acknowledges the incident.
 */
public record EscalationPolicy(
    String id,
    String name,
    List<EscalationLevel> levels,
    int repeat,
    AfterLastLevel afterLastLevel) {
  public static final int MAX_REPEAT = 9;

  /** What happens once the last level of the last round has fired. */
  public enum AfterLastLevel {
    /** Escalation is exhausted; the incident stays open and unacknowledged. */
    STOP
  }

  public EscalationPolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(afterLastLevel, "afterLastLevel");
    levels = List.copyOf(levels);
  }

  public EscalationPolicy(String id, String name, List<EscalationLevel> levels, int repeat) {
    this(id, name, levels, repeat, AfterLastLevel.STOP);
  }
}
