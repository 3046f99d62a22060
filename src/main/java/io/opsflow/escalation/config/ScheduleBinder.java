package io.opsflow.escalation.config;

import io.opsflow.escalation.model.Layer;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.escalation.model.ScheduleOverride;
import io.opsflow.escalation.model.ScheduleProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one {@link Schedule} from its YAML mapping, reporting what it cannot use at the line it
 * came from, then the domain's own {@link Schedule#validate()} problems at the field's line.
 */
final class ScheduleBinder {
  private static final Set<String> SCHEDULE_FIELDS =
      Set.of("id", "name", "timeZone", "requireFullCoverage", "layers", "overrides");
  private static final Set<String> OVERRIDE_FIELDS = Set.of("user", "start", "end");

  private final Fields.Sink sink;

  ScheduleBinder(Fields.Sink sink) {
    this.sink = sink;
  }

  /** The schedule, or empty when a problem was reported. */
  Optional<Schedule> bind(YamlNode node) {
    int before = sink.problems.size();
    Fields f = new Fields(node, "", sink, SCHEDULE_FIELDS);
    Optional<String> id = f.text("id", true);
    String name = f.text("name", false).orElse(id.orElse(""));
    Optional<String> zone = f.text("timeZone", true);
    boolean full =
        f.parsed("requireFullCoverage", false, "true or false", ScheduleBinder::bool).orElse(false);
    List<Layer> layers = new ArrayList<>();
    List<YamlNode> layerNodes = f.list("layers");
    for (int i = 0; i < layerNodes.size(); i++) {
      new LayerBinder(sink).bind(layerNodes.get(i), "layers[" + i + "]").ifPresent(layers::add);
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (YamlNode o : f.list("overrides")) {
      override(o).ifPresent(overrides::add);
    }
    if (sink.problems.size() > before || id.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    Schedule schedule = new Schedule(id.get(), name, zone.get(), layers, overrides, full);
    for (ScheduleProblem p : schedule.validate()) {
      sink.add(sink.lineOf(p.field()), "schedule '" + id.get() + "': " + p.reason());
    }
    return sink.problems.size() > before ? Optional.empty() : Optional.of(schedule);
  }

  private Optional<ScheduleOverride> override(YamlNode node) {
    if (node.kind != YamlNode.Kind.MAP) {
      sink.add(node.line, "an override must be a mapping with user, start and end");
      return Optional.empty();
    }
    Fields f = new Fields(node, "overrides", sink, OVERRIDE_FIELDS);
    String instant = "a date-time with offset such as 2026-03-28T09:00:00+01:00";
    Optional<String> user = f.text("user", true);
    Optional<Instant> start = f.parsed("start", true, instant, ScheduleBinder::instant);
    Optional<Instant> end = f.parsed("end", true, instant, ScheduleBinder::instant);
    if (user.isEmpty() || start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    if (!end.get().isAfter(start.get())) {
      sink.add(f.lineOf("end"), "an override must end after it starts");
      return Optional.empty();
    }
    return Optional.of(new ScheduleOverride(user.get(), start.get(), end.get()));
  }

  static boolean bool(String text) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(text);
    }
    return Boolean.parseBoolean(text);
  }

  static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
