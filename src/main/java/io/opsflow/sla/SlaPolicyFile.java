package io.opsflow.sla;

import io.opsflow.config.LinedYaml;
import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.Problems;
import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.SlaPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code policies:}, a mapping from organization id to its calendar and optional target
 * overrides per priority (see {@code sla/policies.yaml}):
 *
 * <pre>
 * policies:
 *   acme:
 *     calendar: berlin-office
 *     P-1: {response: 4h, resolution: 3d}
 * </pre>
 *
 * Amounts are a whole number with unit m, h or d; d is business days of the organization's
 * calendar. An override keeps the priority's clock (P-0 stays 24x7). All or nothing.
 */
public final class SlaPolicyFile {
  /** One organization's SLA: its calendar and its policy. */
  public record Organization(String calendarId, BusinessCalendar calendar, SlaPolicy policy) {}

  /** The organizations by id, or the problems that refused them (then none). */
  public record Result(Map<String, Organization> organizations, List<String> problems) {
    public Result {
      organizations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(organizations));
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private SlaPolicyFile() {}

  public static Result load(Path file, Map<String, BusinessCalendar> calendars) throws IOException {
    List<String> found = new ArrayList<>();
    Problems problems = new Problems(file, found);
    Node root;
    try {
      root = LinedYaml.read(file);
    } catch (LinedYaml.Malformed e) {
      problems.add(e.line(), "not valid YAML: " + e.getMessage());
      return new Result(Map.of(), found);
    }
    Node policies = root instanceof Mapping map ? map.entries().get("policies") : null;
    if (!(policies instanceof Mapping byOrganization)) {
      problems.add(root == null ? 0 : root.line(), "expected 'policies:' mapping organization ids");
      return new Result(Map.of(), found);
    }
    Map<String, Organization> organizations = new LinkedHashMap<>();
    byOrganization
        .entries()
        .forEach(
            (org, node) -> {
              Organization read = organization(node, calendars, problems);
              if (read != null) {
                organizations.put(org, read);
              }
            });
    return found.isEmpty() ? new Result(organizations, found) : new Result(Map.of(), found);
  }

  private static Organization organization(
      Node node, Map<String, BusinessCalendar> calendars, Problems problems) {
    if (!(node instanceof Mapping org)) {
      problems.add(node.line(), "an organization's policy must be a mapping with 'calendar'");
      return null;
    }
    String calendarId = CalendarFiles.text(org, "calendar", problems);
    BusinessCalendar calendar = calendarId == null ? null : calendars.get(calendarId);
    if (calendarId != null && calendar == null) {
      problems.add(
          org.lineOf("calendar"),
          "unknown calendar '" + calendarId + "' (known: " + calendars.keySet() + ")");
    }
    SlaPolicy policy = SlaPolicy.defaults();
    for (Map.Entry<String, Node> e : org.entries().entrySet()) {
      if (!e.getKey().equals("calendar")) {
        policy =
            SlaPolicyOverrides.overrides(
                policy, e.getKey(), org.lineOf(e.getKey()), e.getValue(), problems);
      }
    }
    return calendar == null ? null : new Organization(calendarId, calendar, policy);
  }
}
