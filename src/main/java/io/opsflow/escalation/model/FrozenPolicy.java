package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The escalation policy as it stood when an incident started, kept with the incident so that
 * editing or reloading the live policy never changes an escalation already under way. Travels as a
 * process variable in the compact text form of {@link #toText()}.
 */
public record FrozenPolicy(
    String policyId,
    String name,
    List<EscalationLevel> levels,
    int repeat,
    EscalationPolicy.AfterLastLevel afterLastLevel,
    Instant takenAt) {

  public FrozenPolicy {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(afterLastLevel, "afterLastLevel");
    Objects.requireNonNull(takenAt, "takenAt");
    levels = List.copyOf(levels);
  }

  /** Takes the snapshot of {@code policy} for an incident starting at {@code takenAt}. */
  public static FrozenPolicy of(EscalationPolicy policy, Instant takenAt) {
    return new FrozenPolicy(
        policy.id(),
        policy.name(),
        policy.levels(),
        policy.repeat(),
        policy.afterLastLevel(),
        takenAt);
  }

  /** The compact, line-based text form; {@link #fromText(String)} reads it back. */
  public String toText() {
    return FrozenPolicyText.write(this);
  }

  /**
   * Reads the text form written by {@link #toText()}.
   *
   * @throws IllegalArgumentException when the text is not a frozen policy
   */
  public static FrozenPolicy fromText(String text) {
    return FrozenPolicyText.read(text);
  }
}
