package io.opsflow.notify.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which effects opsflow plans: whether chat, bridges and mail are configured, the priorities that
 * get a war room and a bridge, and how often a status update is asked for per priority.
 */
public record EffectSettings(
    boolean chat,
    boolean bridge,
    boolean mail,
    Set<String> roomPriorities,
    Set<String> bridgePriorities,
    Map<String, Duration> statusReminders) {

  public EffectSettings {
    roomPriorities = Set.copyOf(roomPriorities);
    bridgePriorities = Set.copyOf(bridgePriorities);
    statusReminders = Map.copyOf(statusReminders);
  }

  /** The defaults: rooms for P-0 and P-1, a bridge for P-0, updates every 30 min / 2 h / 8 h. */
  public static EffectSettings defaults(boolean chat, boolean bridge, boolean mail) {
    return new EffectSettings(
        chat,
        bridge,
        mail,
        Set.of("P-0", "P-1"),
        Set.of("P-0"),
        Map.of(
            "P-0", Duration.ofMinutes(30), "P-1", Duration.ofHours(2), "P-2", Duration.ofHours(8)));
  }

  public boolean roomFor(String priority) {
    return priority != null && roomPriorities.contains(priority);
  }

  public boolean bridgeFor(String priority) {
    return priority != null && bridgePriorities.contains(priority);
  }

  /** How often a status update is due for this priority; empty for none. */
  public Optional<Duration> reminderEvery(String priority) {
    return Optional.ofNullable(priority == null ? null : statusReminders.get(priority));
  }
}
