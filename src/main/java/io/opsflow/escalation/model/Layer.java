package io.opsflow.escalation.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer of a schedule: participants taking turns by a {@link Rotation}, from the first hand-off
 * on or after {@code start} (local date in the schedule's zone), optionally only inside {@link
 * Restriction} windows. Before the first hand-off the layer has nobody on call.
 */
public record Layer(
    String name,
    List<String> participants,
    Rotation rotation,
    LocalDate start,
    List<Restriction> restrictions) {

  public Layer {
    participants = List.copyOf(participants);
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(start, "start");
    restrictions = List.copyOf(restrictions);
  }

  public Layer(String name, List<String> participants, Rotation rotation, LocalDate start) {
    this(name, participants, rotation, start, List.of());
  }

  /** Who this layer has on call at {@code t}, if anyone. */
  Optional<String> onCallAt(Instant t, ZoneId zone) {
    long k = turnAt(t, zone);
    if (k < 0 || participants.isEmpty() || !restrictionsAllow(t, zone)) {
      return Optional.empty();
    }
    return Optional.of(participants.get((int) (k % participants.size())));
  }

  Instant firstHandoff(ZoneId zone) {
    return LocalTimes.resolve(rotation.firstHandoff(start), zone);
  }

  /** Adds every instant in {@code (from, to)} at which this layer may change who is on call. */
  void changes(Instant from, Instant to, ZoneId zone, Collection<Instant> out) {
    LocalDateTime first = rotation.firstHandoff(start);
    for (long k = Math.max(0, turnAt(from, zone)); ; k++) {
      Instant handoff = LocalTimes.resolve(rotation.handoff(first, k), zone);
      if (!handoff.isBefore(to)) {
        break;
      }
      out.add(handoff);
    }
    LocalDate firstDay = LocalTimes.local(from, zone).toLocalDate();
    LocalDate lastDay = LocalTimes.local(to, zone).toLocalDate();
    restrictions.forEach(r -> r.edges(firstDay, lastDay, zone, out));
  }

  /** The number of the turn running at {@code t} (0 from the first hand-off), or -1 before it. */
  private long turnAt(Instant t, ZoneId zone) {
    LocalDateTime first = rotation.firstHandoff(start);
    if (t.isBefore(LocalTimes.resolve(first, zone))) {
      return -1;
    }
    long k = Math.max(0, rotation.lengthsBetween(first, LocalTimes.local(t, zone)));
    while (k > 0 && LocalTimes.resolve(rotation.handoff(first, k), zone).isAfter(t)) {
      k--;
    }
    while (!LocalTimes.resolve(rotation.handoff(first, k + 1), zone).isAfter(t)) {
      k++;
    }
    return k;
  }

  private boolean restrictionsAllow(Instant t, ZoneId zone) {
    return restrictions.isEmpty() || restrictions.stream().anyMatch(r -> r.contains(t, zone));
  }
}
