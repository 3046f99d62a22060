package io.opsflow.sla.model;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Each organization's business calendar and SLA policy, and the ones organizations without their
 * own follow (Monday to Friday 09:00-17:00 UTC with opsflow's default targets, unless configured).
 */
public record SlaSettings(Map<String, Organization> organizations, Organization fallback) {

  /** One organization's calendar (with its id, for display) and policy. */
  public record Organization(String calendarId, BusinessCalendar calendar, SlaPolicy policy) {
    public Organization {
      Objects.requireNonNull(calendarId, "calendarId");
      Objects.requireNonNull(calendar, "calendar");
      Objects.requireNonNull(policy, "policy");
    }
  }

  public SlaSettings {
    organizations = Map.copyOf(organizations);
    Objects.requireNonNull(fallback, "fallback");
  }

  public static SlaSettings defaults() {
    return new SlaSettings(Map.of(), defaultOrganization());
  }

  static Organization defaultOrganization() {
    return new Organization(
        "default",
        BusinessCalendar.of(
            ZoneOffset.UTC,
            WeeklyHours.mondayToFriday(WorkingFrame.of("09:00", "17:00")),
            Holidays.none()),
        SlaPolicy.defaults());
  }

  public Organization of(String organizationId) {
    return organizations.getOrDefault(organizationId, fallback);
  }

  /** The clock a target of {@code priority} and {@code kind} gives, started at {@code start}. */
  public SlaClock clock(
      String organizationId, String priority, boolean response, java.time.Instant start) {
    Organization o = of(organizationId);
    SlaPolicy.Targets t = o.policy().targets(priority);
    return (response ? t.response() : t.resolution()).start(start, o.calendar());
  }
}
