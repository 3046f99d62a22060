package io.opsflow.sla;

import io.opsflow.sla.model.Interval;
import io.opsflow.uptime.model.Heartbeat;
import io.opsflow.uptime.model.MaintenanceWindow;
import io.opsflow.uptime.model.UptimeReport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of maintenance windows, uptime reports and heartbeats. */
public final class SlaJson {
  private SlaJson() {}

  public static Map<String, Object> items(List<?> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("next", null);
    return m;
  }

  public static Map<String, Object> window(MaintenanceWindow w, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("organization", w.organizationId());
    m.put("service", w.serviceId());
    m.put("title", w.title());
    m.put("source", w.source());
    w.schedule()
        .oneOff()
        .ifPresentOrElse(
            i -> {
              m.put("start", i.start());
              m.put("end", i.end());
            },
            () -> {
              m.put("rrule", w.schedule().rule().orElseThrow().text());
              m.put("dtstart", w.schedule().dtstart().toString());
              m.put("zone", w.schedule().zone().getId());
              m.put("duration", w.schedule().duration().toString());
            });
    m.put("active", w.covers(now));
    m.put(
        "upcoming",
        w.occurrencesBetween(now, now.plus(Duration.ofDays(400))).stream()
            .limit(3)
            .map(SlaJson::interval)
            .toList());
    m.put("createdAt", w.createdAt());
    return m;
  }

  private static Map<String, Object> interval(Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", i.start());
    m.put("end", i.end());
    return m;
  }

  public static Map<String, Object> report(UptimeReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service", r.service());
    m.put("month", r.month().toString());
    m.put("availability", r.availability());
    m.put("target", r.target());
    m.put("downMinutes", r.downMinutes());
    m.put("maintenanceMinutes", r.maintenanceMinutes());
    m.put("unknownMinutes", r.unknownMinutes());
    m.put("errorBudgetMinutes", r.errorBudgetMinutes());
    m.put("errorBudgetLeftMinutes", r.errorBudgetLeftMinutes());
    m.put("met", r.met());
    return m;
  }

  public static Map<String, Object> heartbeat(Heartbeat h, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", h.source());
    m.put("organization", h.organizationId());
    m.put("interval", h.interval().toString());
    m.put("grace", h.grace().toString());
    m.put("retention", h.retention().toString());
    m.put("lastBeatAt", h.lastBeatAt());
    m.put("dueBy", h.dueBy());
    m.put("state", h.stateAt(now).name().toLowerCase(java.util.Locale.ROOT));
    return m;
  }
}
