package io.opsflow.escalation.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An on-call schedule in one IANA time zone: ordered layers, later layers taking precedence over
 * earlier ones wherever they have someone on call, and overrides above every layer (the latest
 * listed override wins where overrides overlap).
 *
 * <p>All hand-offs and restriction windows are computed on the schedule's local clock. At DST
 * changes: a daily 09:00 hand-off stays at 09:00 local, so the shift across the change lasts 23 or
 * 25 hours; a hand-off at a local time inside the spring-forward gap happens at the first instant
 * after the gap; a hand-off at a local time that occurs twice happens at the earlier of the two
 * (the first, summer-time, occurrence). See {@link LocalTimes}.
 *
 * <p>The zone is kept as its name so that a schedule with an unknown zone can be built and reported
 * by {@link #validate()}; asking such a schedule who is on call throws.
 */
public record Schedule(
    String id,
    String name,
    String timeZone,
    List<Layer> layers,
    List<ScheduleOverride> overrides,
    boolean requireFullCoverage) {

  public Schedule {
    Objects.requireNonNull(id, "id");
    layers = List.copyOf(layers);
    overrides = List.copyOf(overrides);
  }

  /** The schedule's zone. */
  public ZoneId zone() {
    if (!ScheduleValidation.isKnownZone(timeZone)) {
      throw new IllegalStateException("schedule " + id + ": unknown time zone " + timeZone);
    }
    return ZoneId.of(timeZone);
  }

  /** The user on call at {@code t}, after layers and overrides; empty when nobody is. */
  public Optional<String> onCallAt(Instant t) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      if (overrides.get(i).covers(t)) {
        return Optional.of(overrides.get(i).user());
      }
    }
    return layersOnCallAt(t);
  }

  /**
   * The final shifts between {@code from} and {@code to}, clipped to that range, consecutive
   * stretches of the same user merged; periods with nobody on call have no shift.
   */
  public List<Shift> shifts(Instant from, Instant to) {
    NavigableSet<Instant> changes = layerChanges(from, to);
    for (ScheduleOverride o : overrides) {
      addInside(o.start(), from, to, changes);
      addInside(o.end(), from, to, changes);
    }
    return Shifts.render(changes, to, this::onCallAt);
  }

  /** The configuration problems of this schedule; empty when it is usable. */
  public List<ScheduleProblem> validate() {
    return new ScheduleValidation(this).problems();
  }

  Optional<String> layersOnCallAt(Instant t) {
    ZoneId zone = zone();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<String> user = layers.get(i).onCallAt(t, zone);
      if (user.isPresent()) {
        return user;
      }
    }
    return Optional.empty();
  }

  /** {@code from} and every instant in {@code (from, to)} where a layer may change. */
  NavigableSet<Instant> layerChanges(Instant from, Instant to) {
    ZoneId zone = zone();
    TreeSet<Instant> all = new TreeSet<>();
    layers.forEach(layer -> layer.changes(from, to, zone, all));
    NavigableSet<Instant> changes = new TreeSet<>(all.subSet(from, false, to, false));
    changes.add(from);
    return changes;
  }

  private static void addInside(Instant t, Instant from, Instant to, NavigableSet<Instant> out) {
    if (t.isAfter(from) && t.isBefore(to)) {
      out.add(t);
    }
  }
}
