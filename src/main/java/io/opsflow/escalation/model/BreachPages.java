package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whom a breached response SLA pages at once, from the incident's frozen policy: the level after
 * the one whose step is due now (resolved at {@code now}), or, when that is the policy's last
 * level, everyone on every level. Free of storage.
 */
public final class BreachPages {
  private BreachPages() {}

  /**
   * @param whom how the timeline names them: "level 2 of policy 'default'" or "everyone of policy
   *     'default'"
   * @param userIds the people, in policy order, each once
   */
  public record Paged(String whom, List<String> userIds) {
    public Paged {
      userIds = List.copyOf(userIds);
    }
  }

  /** Empty when the policy is missing or unreadable or has no levels. */
  public static Optional<Paged> of(String frozenPolicy, Instant now, Directory directory) {
    if (frozenPolicy == null || frozenPolicy.isBlank()) {
      return Optional.empty();
    }
    FrozenPolicy policy;
    try {
      policy = FrozenPolicy.fromText(frozenPolicy);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int levels = policy.levels().size();
    if (levels == 0) {
      return Optional.empty();
    }
    EscalationPlan plan = new EscalationPlan(policy, policy.takenAt(), directory);
    int current = 0;
    while (plan.dueAt(current + 1).filter(due -> !due.isAfter(now)).isPresent()) {
      current++;
    }
    int level = current % levels;
    String name = "policy '" + policy.policyId() + "'";
    if (level + 1 < levels) {
      List<String> next = plan.step(current + 1, now).orElseThrow().resolvedRecipients();
      return Optional.of(new Paged("level " + (level + 2) + " of " + name, next));
    }
    Set<String> everyone = new LinkedHashSet<>();
    for (int k = 0; k < levels; k++) {
      plan.step(k, now).ifPresent(s -> everyone.addAll(s.resolvedRecipients()));
    }
    return Optional.of(new Paged("everyone of " + name, new ArrayList<>(everyone)));
  }
}
