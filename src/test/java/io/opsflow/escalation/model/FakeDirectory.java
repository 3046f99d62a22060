package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** People and schedules for escalation tests; a schedule is a list of hand-offs. */
public final class FakeDirectory implements Directory {
  private final Set<String> users = new HashSet<>();
  private final Map<String, NavigableMap<Instant, String>> schedules = new HashMap<>();

  public static FakeDirectory aTeam() {
    return new FakeDirectory()
        .withUsers("alice", "bob", "carol", "engineering-manager")
        .withSchedule("web-primary")
        .withSchedule("web-secondary")
        .withSchedule("tools-weekly")
        .handOff("web-primary", Instant.EPOCH, "alice")
        .handOff("web-secondary", Instant.EPOCH, "bob")
        .handOff("tools-weekly", Instant.EPOCH, "carol");
  }

  public FakeDirectory withUsers(String... ids) {
    users.addAll(Set.of(ids));
    return this;
  }

  public FakeDirectory withSchedule(String id) {
    schedules.putIfAbsent(id, new TreeMap<>());
    return this;
  }

  /** From {@code at} on, {@code userId} is on call; a null user leaves the schedule empty. */
  public FakeDirectory handOff(String scheduleId, Instant at, String userId) {
    schedules.get(scheduleId).put(at, userId == null ? "" : userId);
    return this;
  }

  @Override
  public boolean userExists(String userId) {
    return users.contains(userId);
  }

  @Override
  public boolean scheduleExists(String scheduleId) {
    return schedules.containsKey(scheduleId);
  }

  @Override
  public Optional<String> onCallAt(String scheduleId, Instant t) {
    Map.Entry<Instant, String> shift = schedules.get(scheduleId).floorEntry(t);
    return shift == null || shift.getValue().isEmpty()
        ? Optional.empty()
        : Optional.of(shift.getValue());
  }

  @Override
  public boolean scheduleEverCovers(String scheduleId) {
    return schedules.get(scheduleId).values().stream().anyMatch(u -> !u.isEmpty());
  }
}
