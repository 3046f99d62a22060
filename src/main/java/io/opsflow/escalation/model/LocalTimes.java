package io.opsflow.escalation.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a local date-time of a schedule into an instant, with the two DST edge rules of opsflow:
 *
 * <ul>
 *   <li>a local time that does not exist (the spring-forward gap, e.g. 02:30 on 2026-03-29 in
 *       Europe/Berlin) resolves to the first valid instant after the gap, i.e. the instant of the
 *       transition (03:00 local, 01:00Z), not to "02:30 plus the gap" (03:30) as {@code
 *       ZonedDateTime.of} would;
 *   <li>a local time that exists twice (the fall-back overlap, e.g. 02:30 on 2026-10-25 in
 *       Europe/Berlin) resolves to the earlier offset, i.e. the first time the clock shows it
 *       (02:30+02:00 = 00:30Z).
 * </ul>
 */
final class LocalTimes {
  private LocalTimes() {}

  static Instant resolve(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return local.toInstant(offsets.get(0));
  }

  static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }
}
