package io.opsflow.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of Zoom, mail and the war rooms beyond the contract's main switches. Secrets are
 * never printed by {@link #toString()}.
 */
public record EffectsConfig(
    Optional<String> zoomClientId,
    Optional<String> zoomClientSecret,
    int smtpPort,
    Optional<String> smtpUser,
    Optional<String> smtpPassword,
    String mailFrom,
    boolean smtpStartTls,
    Set<String> roomPriorities,
    Set<String> bridgePriorities,
    Map<String, Duration> statusReminders) {

  public EffectsConfig {
    roomPriorities = Set.copyOf(roomPriorities);
    bridgePriorities = Set.copyOf(bridgePriorities);
    statusReminders = Map.copyOf(statusReminders);
  }

  /** "P-0,P-1" as a set; an empty or "none" value is the empty set. */
  static Set<String> priorities(String name, String raw) {
    Set<String> out = new LinkedHashSet<>();
    if (raw.isBlank() || raw.trim().equalsIgnoreCase("none")) {
      return out;
    }
    for (String p : raw.split(",")) {
      String v = p.trim().toUpperCase(java.util.Locale.ROOT);
      if (!v.matches("P-[0-2]")) {
        throw new IllegalArgumentException(
            "OPSFLOW_" + name + ": '" + p.trim() + "' is not a priority (P-0, P-1 or P-2)");
      }
      out.add(v);
    }
    return out;
  }

  /** "P-0=PT30M,P-1=PT2H" as a map. */
  static Map<String, Duration> reminders(String name, String raw) {
    Map<String, Duration> out = new LinkedHashMap<>();
    for (String pair : raw.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "OPSFLOW_" + name + ": '" + pair.trim() + "' is not PRIORITY=ISO-8601 duration");
      }
      String priority = priorities(name, kv[0]).iterator().next();
      Duration every;
      try {
        every = Duration.parse(kv[1].trim());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "OPSFLOW_" + name + ": '" + kv[1].trim() + "' is not an ISO-8601 duration");
      }
      if (every.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException("OPSFLOW_" + name + ": at least PT1M between reminders");
      }
      out.put(priority, every);
    }
    return out;
  }

  @Override
  public String toString() {
    return "EffectsConfig[zoomClientId="
        + zoomClientId.isPresent()
        + ", smtpPort="
        + smtpPort
        + ", smtpUser="
        + smtpUser.isPresent()
        + ", mailFrom="
        + mailFrom
        + ", rooms="
        + roomPriorities
        + ", bridges="
        + bridgePriorities
        + ", reminders="
        + statusReminders
        + "]";
  }
}
