package io.opsflow.sla;

import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.SlaPolicy;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.sla.model.SlaTarget;
import io.opsflow.sla.model.WorkingFrame;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** JSON shapes of the SLA settings in force: calendars, and each organization's policy. */
final class SlaSettingsJson {
  private SlaSettingsJson() {}

  static Map<String, Object> settings(SlaConfig.Loaded loaded, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loadedAt", loaded.loadedAt());
    SlaSettings settings = loaded.settings();
    List<Object> calendars = new ArrayList<>();
    loaded.calendars().forEach((id, c) -> calendars.add(calendar(id, c, "file", now)));
    if (!loaded.calendars().containsKey(settings.fallback().calendarId())) {
      calendars.add(
          calendar(
              settings.fallback().calendarId(), settings.fallback().calendar(), "opsflow", now));
    }
    m.put("calendars", calendars);
    List<Object> policies = new ArrayList<>();
    new TreeMap<>(settings.organizations()).forEach((org, o) -> policies.add(policy(org, o)));
    m.put("policies", policies);
    // what organizations without a policy entry follow
    Map<String, Object> fallback = policy(null, settings.fallback());
    fallback.remove("organization");
    m.put("default", fallback);
    return m;
  }

  private static Map<String, Object> calendar(
      String id, BusinessCalendar c, String source, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("source", source);
    m.put("timeZone", c.zone().getId());
    Map<String, Object> hours = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<String> frames = c.hours().frames(day).stream().map(WorkingFrame::toString).toList();
      hours.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), frames);
    }
    m.put("hours", hours);
    m.put("businessDay", c.businessDay().toString());
    LocalDate today = LocalDate.ofInstant(now, c.zone());
    m.put(
        "upcomingHolidays",
        c.holidays().dates().subSet(today, true, today.plusYears(1), false).stream()
            .map(LocalDate::toString)
            .toList());
    return m;
  }

  private static Map<String, Object> policy(String org, SlaSettings.Organization o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("organization", org);
    m.put("calendar", o.calendarId());
    Map<String, Object> targets = new LinkedHashMap<>();
    SlaPolicy policy = o.policy();
    for (String priority : policy.priorities()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("response", target(policy.targets(priority).response()));
      t.put("resolution", target(policy.targets(priority).resolution()));
      targets.put(priority, t);
    }
    m.put("targets", targets);
    return m;
  }

  private static Map<String, Object> target(SlaTarget t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("businessDays", t.businessDays());
    m.put("time", t.time().toString());
    m.put("roundTheClock", t.roundTheClock());
    m.put("text", t.toString());
    return m;
  }
}
