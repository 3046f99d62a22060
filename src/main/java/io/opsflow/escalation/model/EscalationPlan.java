package io.opsflow.escalation.model;

import io.opsflow.escalation.model.Target.ScheduleTarget;
import io.opsflow.escalation.model.Target.SlackChannelTarget;
import io.opsflow.escalation.model.Target.UserTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a frozen policy for one incident: levels 0..L-1 in round 0, then again for each
 * repeat. Step {@code k} is level {@code k % L} of round {@code k / L}. Schedules are resolved when
 * a step runs, so the step notifies whoever is on call then, not whoever was when the incident
 * started.
 */
public final class EscalationPlan {

  /** One escalation step, with its recipients resolved at the instant it runs. */
  public record Step(
      int index,
      int level,
      int round,
      Duration delayBeforeNext,
      List<String> resolvedRecipients,
      List<String> slackChannels) {
    public Step {
      resolvedRecipients = List.copyOf(resolvedRecipients);
      slackChannels = List.copyOf(slackChannels);
    }
  }

  private final FrozenPolicy policy;
  private final Instant incidentStart;
  private final Directory directory;

  public EscalationPlan(FrozenPolicy policy, Instant incidentStart, Directory directory) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.incidentStart = Objects.requireNonNull(incidentStart, "incidentStart");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** How many steps the policy has in all: levels times (repeat + 1). */
  public int stepCount() {
    return policy.levels().size() * (policy.repeat() + 1);
  }

  /** When step {@code index} falls due, counted from the incident's start; empty past the end. */
  public Optional<Instant> dueAt(int index) {
    if (index < 0 || index >= stepCount()) {
      return Optional.empty();
    }
    Instant due = incidentStart;
    for (int k = 0; k < index; k++) {
      due = due.plus(levelOf(k).delayBeforeNext());
    }
    return Optional.of(due);
  }

  /**
   * Step {@code index} as it runs at {@code now}: its users, whoever is on call now for its
   * schedules (a schedule with nobody on call adds nobody), and its Slack channels. Empty once the
   * escalation is exhausted.
   */
  public Optional<Step> step(int index, Instant now) {
    if (index < 0 || index >= stepCount()) {
      return Optional.empty();
    }
    int levels = policy.levels().size();
    EscalationLevel level = levelOf(index);
    Set<String> recipients = new LinkedHashSet<>();
    List<String> channels = new ArrayList<>();
    for (Target target : level.targets()) {
      if (target instanceof UserTarget user) {
        recipients.add(user.userId());
      } else if (target instanceof ScheduleTarget schedule) {
        directory.onCallAt(schedule.scheduleId(), now).ifPresent(recipients::add);
      } else {
        channels.add(((SlackChannelTarget) target).channel());
      }
    }
    return Optional.of(
        new Step(
            index,
            index % levels,
            index / levels,
            level.delayBeforeNext(),
            new ArrayList<>(recipients),
            channels));
  }

  private EscalationLevel levelOf(int index) {
    return policy.levels().get(index % policy.levels().size());
  }
}
