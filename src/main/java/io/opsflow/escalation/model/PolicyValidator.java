package io.opsflow.escalation.model;

import io.opsflow.escalation.model.Target.ScheduleTarget;
import io.opsflow.escalation.model.Target.SlackChannelTarget;
import io.opsflow.escalation.model.Target.UserTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a policy that would fail at 3 a.m.: unknown users or schedules, a level that can reach
 * nobody, delays under a minute, a repeat count out of range, no levels at all.
 */
public final class PolicyValidator {

  /**
   * One reason to refuse a policy. {@code path} names the part at fault ({@code levels[1]}, {@code
   * levels[1].targets[0]}, {@code repeat}); empty for the policy as a whole.
   */
  public record Problem(String path, String reason) {
    @Override
    public String toString() {
      return path.isEmpty() ? reason : path + ": " + reason;
    }
  }

  /** Every reason to refuse the policy, as readable sentences; empty when it is sound. */
  public List<String> validate(EscalationPolicy policy, Directory directory) {
    return problems(policy, directory).stream().map(Problem::toString).toList();
  }

  /** Every reason to refuse the policy, with the part at fault. */
  public List<Problem> problems(EscalationPolicy policy, Directory directory) {
    List<Problem> problems = new ArrayList<>();
    if (policy.id().isBlank()) {
      problems.add(new Problem("id", "policy id is blank"));
    }
    if (policy.repeat() < 0 || policy.repeat() > EscalationPolicy.MAX_REPEAT) {
      problems.add(
          new Problem(
              "repeat",
              "repeat must be between 0 and "
                  + EscalationPolicy.MAX_REPEAT
                  + ", was "
                  + policy.repeat()));
    }
    if (policy.levels().isEmpty()) {
      problems.add(new Problem("levels", "policy has no levels"));
    }
    for (int i = 0; i < policy.levels().size(); i++) {
      checkLevel("levels[" + i + "]", policy.levels().get(i), directory, problems);
    }
    return List.copyOf(problems);
  }

  private static void checkLevel(
      String path, EscalationLevel level, Directory directory, List<Problem> problems) {
    if (level.delayBeforeNext().compareTo(EscalationLevel.MIN_DELAY) < 0) {
      problems.add(
          new Problem(
              path + ".delay", "delay must be at least 1 minute, was " + level.delayBeforeNext()));
    }
    if (level.targets().isEmpty()) {
      problems.add(new Problem(path, "level has no targets"));
      return;
    }
    int before = problems.size();
    boolean reachesSomebody = false;
    for (int t = 0; t < level.targets().size(); t++) {
      String targetPath = path + ".targets[" + t + "]";
      Target target = level.targets().get(t);
      if (checkTarget(targetPath, target, directory, problems)) {
        reachesSomebody = true;
      }
    }
    if (!reachesSomebody && problems.size() == before) {
      problems.add(new Problem(path, "level can reach nobody: its schedules have no participants"));
    }
  }

  /** Checks one target; returns whether it can ever reach somebody. */
  private static boolean checkTarget(
      String path, Target target, Directory directory, List<Problem> problems) {
    if (target instanceof UserTarget user) {
      if (!directory.userExists(user.userId())) {
        problems.add(new Problem(path, "unknown user '" + user.userId() + "'"));
        return false;
      }
      return true;
    }
    if (target instanceof ScheduleTarget schedule) {
      if (!directory.scheduleExists(schedule.scheduleId())) {
        problems.add(new Problem(path, "unknown schedule '" + schedule.scheduleId() + "'"));
        return false;
      }
      return directory.scheduleEverCovers(schedule.scheduleId());
    }
    SlackChannelTarget slack = (SlackChannelTarget) target;
    if (slack.channel().isBlank()) {
      problems.add(new Problem(path, "Slack channel is blank"));
      return false;
    }
    return true;
  }
}
