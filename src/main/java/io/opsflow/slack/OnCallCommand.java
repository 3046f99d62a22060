package io.opsflow.slack;

import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.EscalationLevel;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.Escalator;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.escalation.model.Shift;
import io.opsflow.escalation.model.Target;
import io.opsflow.escalation.model.User;
import io.opsflow.service.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code /opsflow oncall [schedule|policy|service]}: who is on call now, from the on-call
 * configuration in force. Without an argument every schedule; with a policy its levels and who each
 * reaches now; with a service the policy named like it, else the default one.
 */
final class OnCallCommand implements SlashCommand {
  private static final Duration HORIZON = Duration.ofDays(62);

  private final Supplier<OnCallSnapshot> oncall;
  private final Clock clock;

  OnCallCommand(Supplier<OnCallSnapshot> oncall, Clock clock) {
    this.oncall = oncall;
    this.clock = clock;
  }

  @Override
  public List<String> verbs() {
    return List.of("oncall", "on-call", "who");
  }

  @Override
  public String usage() {
    return "/opsflow oncall [schedule | policy | service]";
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    OnCallSnapshot s = oncall.get();
    Instant now = clock.instant();
    if (args.size() > 1) {
      throw SlashCommand.Refusal.usage("One schedule, policy or service at a time.");
    }
    if (args.isEmpty()) {
      if (s.schedules().isEmpty()) {
        return "No on-call schedules are configured.";
      }
      return "*On call now*\n"
          + s.schedules().values().stream()
              .sorted(Comparator.comparing(Schedule::id))
              .map(x -> "• " + schedule(s, x, now))
              .collect(Collectors.joining("\n"));
    }
    String id = args.get(0);
    if (s.schedules().containsKey(id)) {
      return schedule(s, s.schedules().get(id), now);
    }
    Optional<EscalationPolicy> policy =
        s.policies().stream().filter(p -> p.id().equals(id)).findFirst();
    if (policy.isPresent()) {
      return policy(s, policy.get(), now);
    }
    Optional<Service> service =
        s.services().services().stream()
            .filter(x -> x.id().equals(id))
            .filter(x -> user.scope() == null || x.organization().equals(user.scope()))
            .findFirst();
    if (service.isPresent()) {
      return new Escalator()
          .choose(s.policies(), id)
          .map(p -> "Service " + service.get().name() + " (`" + id + "`): " + policy(s, p, now))
          .orElse("Service " + service.get().name() + " has no escalation policy.");
    }
    throw SlashCommand.Refusal.usage(
        "No schedule, policy or service `" + SlackText.escape(id) + "`.");
  }

  private String schedule(OnCallSnapshot s, Schedule schedule, Instant now) {
    Optional<Shift> shift =
        schedule.shifts(now, now.plus(HORIZON)).stream()
            .filter(x -> x.start().equals(now))
            .findFirst();
    String who = shift.map(x -> person(s, x.user())).orElse("nobody");
    String until =
        shift
            .map(Shift::end)
            .filter(end -> end.isBefore(now.plus(HORIZON)))
            .map(end -> " until " + SlackText.at(end))
            .orElse("");
    return schedule.name() + " (`" + schedule.id() + "`): " + who + until;
  }

  private String policy(OnCallSnapshot s, EscalationPolicy p, Instant now) {
    StringBuilder b = new StringBuilder();
    b.append("*Escalation policy ").append(p.name()).append("* (`").append(p.id()).append("`)");
    List<EscalationLevel> levels = p.levels();
    for (int i = 0; i < levels.size(); i++) {
      EscalationLevel level = levels.get(i);
      b.append("\n").append(i + 1).append(". ");
      b.append(
          level.targets().stream().map(t -> target(s, t, now)).collect(Collectors.joining("; ")));
      if (i < levels.size() - 1) {
        b.append(" (next level after ").append(SlackText.duration(level.delayBeforeNext()));
        b.append(')');
      }
    }
    return b.toString();
  }

  private String target(OnCallSnapshot s, Target t, Instant now) {
    if (t instanceof Target.UserTarget u) {
      return person(s, u.userId());
    }
    if (t instanceof Target.ScheduleTarget st) {
      Schedule schedule = s.schedules().get(st.scheduleId());
      String who =
          schedule == null
              ? "unknown schedule"
              : schedule.onCallAt(now).map(x -> person(s, x)).orElse("nobody");
      return "schedule " + st.scheduleId() + ": " + who;
    }
    return "channel " + ((Target.SlackChannelTarget) t).channel();
  }

  private static String person(OnCallSnapshot s, String userId) {
    User u = s.users().get(userId);
    if (u == null) {
      return userId;
    }
    return u.name() + (u.slack() == null ? "" : " <@" + u.slack() + ">");
  }
}
