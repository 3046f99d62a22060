package io.opsflow.escalation.model;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The escalation decisions of the incident process, free of storage: which policy an incident
 * freezes when it starts, and what one timer-triggered step does.
 */
public final class Escalator {
  /** Id of the policy new incidents follow when more than one policy is configured. */
  public static final String DEFAULT_POLICY = "default";

  private final EscalationGuard guard = new EscalationGuard();

  /** The result of one step: the decision for the process and, if it ran, the step itself. */
  public record Outcome(EscalationDecision decision, Optional<EscalationPlan.Step> step) {
    public Outcome {
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(step, "step");
    }

    /** The timeline line for the step that ran; empty when no step ran. */
    public Optional<String> timelineMessage() {
      return step.map(Escalator::describe);
    }
  }

  /** The policy with id {@value #DEFAULT_POLICY}, else the only policy; empty otherwise. */
  public Optional<EscalationPolicy> choose(List<EscalationPolicy> policies) {
    Optional<EscalationPolicy> byId =
        policies.stream().filter(p -> DEFAULT_POLICY.equals(p.id())).findFirst();
    if (byId.isPresent() || policies.size() != 1) {
      return byId;
    }
    return Optional.of(policies.get(0));
  }

  /**
   * The policy with id {@code preferred} (the one triage chose) when there is one, else {@link
   * #choose(List)}.
   */
  public Optional<EscalationPolicy> choose(List<EscalationPolicy> policies, String preferred) {
    if (preferred != null && !preferred.isBlank()) {
      Optional<EscalationPolicy> byId =
          policies.stream().filter(p -> preferred.equals(p.id())).findFirst();
      if (byId.isPresent()) {
        return byId;
      }
    }
    return choose(policies);
  }

  /** The chosen policy frozen at {@code now} in its text form; empty string when none applies. */
  public String freeze(List<EscalationPolicy> policies, Instant now) {
    return freeze(policies, "", now);
  }

  /** As {@link #freeze(List, Instant)}, preferring the policy with id {@code preferred}. */
  public String freeze(List<EscalationPolicy> policies, String preferred, Instant now) {
    return choose(policies, preferred).map(p -> FrozenPolicy.of(p, now).toText()).orElse("");
  }

  /**
   * Step {@code index} of {@code frozenPolicy} at {@code now}. An incident no longer triggered, an
   * empty or unreadable policy, or a step past the end stops the escalation without running a step.
   * The delay to the next step is counted from when that step is due, so a late timer does not push
   * the later steps back.
   */
  public Outcome escalate(
      IncidentStatus status, String frozenPolicy, int index, Instant now, Directory directory) {
    if (!guard.shouldEscalate(status) || frozenPolicy == null || frozenPolicy.isBlank()) {
      return stopped();
    }
    FrozenPolicy policy;
    try {
      policy = FrozenPolicy.fromText(frozenPolicy);
    } catch (IllegalArgumentException e) {
      return stopped();
    }
    if (policy.levels().isEmpty()) {
      return stopped();
    }
    EscalationPlan plan = new EscalationPlan(policy, policy.takenAt(), directory);
    Optional<EscalationPlan.Step> step = plan.step(index, now);
    if (step.isEmpty()) {
      return stopped();
    }
    int next = index + 1;
    EscalationDecision decision =
        plan.dueAt(next)
            .map(due -> EscalationDecision.continueAfter(Duration.between(now, due), next))
            .orElseGet(EscalationDecision::stop);
    return new Outcome(decision, step);
  }

  /** "Escalated to level 2 (round 1): alice, bob; Slack #ops". */
  static String describe(EscalationPlan.Step step) {
    StringBuilder text =
        new StringBuilder("Escalated to level ")
            .append(step.level() + 1)
            .append(" (round ")
            .append(step.round() + 1)
            .append("): ");
    text.append(
        step.resolvedRecipients().isEmpty()
            ? "nobody on call"
            : String.join(", ", step.resolvedRecipients()));
    if (!step.slackChannels().isEmpty()) {
      text.append("; Slack ").append(String.join(", ", step.slackChannels()));
    }
    return text.toString();
  }

  private static Outcome stopped() {
    return new Outcome(EscalationDecision.stop(), Optional.empty());
  }
}
