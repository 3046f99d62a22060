package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@link Directory} answered by configured users and on-call schedules. */
public final class OnCallDirectory implements Directory {
  private final Map<String, User> users;
  private final Map<String, Schedule> schedules;

  public OnCallDirectory(Collection<User> users, Map<String, Schedule> schedules) {
    Map<String, User> byId = new LinkedHashMap<>();
    users.forEach(u -> byId.put(u.id(), u));
    this.users = Map.copyOf(byId);
    this.schedules = Map.copyOf(schedules);
  }

  @Override
  public boolean userExists(String userId) {
    return users.containsKey(userId);
  }

  @Override
  public boolean scheduleExists(String scheduleId) {
    return schedules.containsKey(scheduleId);
  }

  @Override
  public Optional<String> onCallAt(String scheduleId, Instant t) {
    Schedule schedule = schedules.get(scheduleId);
    return schedule == null ? Optional.empty() : schedule.onCallAt(t);
  }

  @Override
  public boolean scheduleEverCovers(String scheduleId) {
    Schedule schedule = schedules.get(scheduleId);
    // overrides alone do not count: they end, and a policy must keep reaching somebody
    return schedule != null
        && schedule.layers().stream().anyMatch(l -> !l.participants().isEmpty());
  }

  public Optional<User> user(String userId) {
    return Optional.ofNullable(users.get(userId));
  }
}
