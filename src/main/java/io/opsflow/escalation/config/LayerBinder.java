package io.opsflow.escalation.config;

import io.opsflow.escalation.model.Layer;
import io.opsflow.escalation.model.Restriction;
import io.opsflow.escalation.model.Rotation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one {@link Layer}: {@code rotation} is {@code daily}, {@code weekly} (with {@code
 * handoffDay}) or {@code custom} (with {@code length}: {@code 3d}, {@code 12h}, {@code 90m} or an
 * ISO-8601 duration); {@code handoff} is a local time, {@code start} a local date.
 */
final class LayerBinder {
  private static final Set<String> LAYER_FIELDS =
      Set.of(
          "name",
          "participants",
          "rotation",
          "handoff",
          "handoffDay",
          "length",
          "start",
          "restrictions");
  private static final Set<String> RESTRICTION_FIELDS = Set.of("days", "from", "to");
  private static final Pattern SHORT_LENGTH = Pattern.compile("(\\d+)([dhm])");
  private static final String TIME = "a local time such as 09:00";

  private final Fields.Sink sink;

  LayerBinder(Fields.Sink sink) {
    this.sink = sink;
  }

  Optional<Layer> bind(YamlNode node, String path) {
    if (node.kind != YamlNode.Kind.MAP) {
      sink.add(node.line, "a layer must be a mapping");
      return Optional.empty();
    }
    Fields f = new Fields(node, path, sink, LAYER_FIELDS);
    String name = f.text("name", false).orElse(path);
    List<String> participants = f.texts("participants");
    Optional<LocalTime> handoff = f.parsed("handoff", true, TIME, LocalTime::parse);
    Optional<LocalDate> start =
        f.parsed("start", true, "a date such as 2026-01-05", LocalDate::parse);
    Optional<Rotation> rotation = handoff.flatMap(time -> rotation(f, time));
    List<Restriction> restrictions = new ArrayList<>();
    for (YamlNode r : f.list("restrictions")) {
      restriction(r, f.child("restrictions")).ifPresent(restrictions::add);
    }
    if (rotation.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Layer(name, participants, rotation.get(), start.get(), restrictions));
  }

  private Optional<Rotation> rotation(Fields f, LocalTime handoff) {
    Optional<String> type = f.text("rotation", true);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    switch (type.get().toLowerCase(Locale.ROOT)) {
      case "daily":
        return Optional.of(Rotation.daily(handoff));
      case "weekly":
        return f.parsed("handoffDay", true, "a day of the week", LayerBinder::day)
            .map(day -> Rotation.weekly(day, handoff));
      case "custom":
        return f.parsed(
            "length", true, "a length such as 3d, 12h or PT12H", s -> length(s, handoff));
      default:
        sink.add(
            f.lineOf("rotation"),
            "unknown rotation type '" + type.get() + "' (expected daily, weekly or custom)");
        return Optional.empty();
    }
  }

  private Optional<Restriction> restriction(YamlNode node, String path) {
    if (node.kind != YamlNode.Kind.MAP) {
      sink.add(node.line, "a restriction must be a mapping with days, from and to");
      return Optional.empty();
    }
    Fields f = new Fields(node, path, sink, RESTRICTION_FIELDS);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : f.texts("days")) {
      try {
        days.add(day(day));
      } catch (IllegalArgumentException e) {
        sink.add(f.lineOf("days"), "'days': unknown day of the week '" + day + "'");
      }
    }
    Optional<LocalTime> from = f.parsed("from", true, TIME, LocalTime::parse);
    Optional<LocalTime> to = f.parsed("to", true, TIME, LocalTime::parse);
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Restriction(days, from.get(), to.get()));
  }

  /** {@code monday}, {@code Mon}, {@code MONDAY}. */
  static DayOfWeek day(String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper))) {
        return day;
      }
    }
    throw new IllegalArgumentException(text);
  }

  static Rotation length(String text, LocalTime handoff) {
    Matcher m = SHORT_LENGTH.matcher(text.trim());
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Rotation.everyDays(n, handoff);
        case "h" -> Rotation.every(Duration.ofHours(n), handoff);
        default -> Rotation.every(Duration.ofMinutes(n), handoff);
      };
    }
    Duration d = Duration.parse(text.trim());
    boolean wholeDays = !text.contains("T") && d.toSeconds() % 86_400 == 0;
    return wholeDays ? Rotation.everyDays((int) d.toDays(), handoff) : Rotation.every(d, handoff);
  }
}
