package io.opsflow.sla;

import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Where clocks stand, as the API and the pages show them. */
final class ClockViews {
  private final ClockRows rows;

  ClockViews(ClockRows rows) {
    this.rows = rows;
  }

  List<SlaClocks.Shown> statuses(Session s, String subjectId, Instant now) {
    List<SlaClocks.Shown> out = new ArrayList<>();
    for (SlaClockRow r : SlaClockStore.ofSubject(s, subjectId)) {
      SlaClock c = rows.clockOf(r);
      out.add(
          new SlaClocks.Shown(
              r, c.status(now), rows.settings().of(r.organizationId()).calendarId()));
    }
    return out;
  }

  Map<String, List<SlaClocks.Shown>> statuses(
      Session s, Collection<String> subjectIds, Instant now) {
    Map<String, List<SlaClocks.Shown>> out = new LinkedHashMap<>();
    subjectIds.forEach(id -> out.put(id, new ArrayList<>()));
    SlaSettings current = rows.settings();
    for (SlaClockRow r : SlaClockStore.ofSubjects(s, subjectIds)) {
      SlaClock c = ClockRows.clockOf(r, current);
      out.computeIfAbsent(r.subjectId(), k -> new ArrayList<>())
          .add(new SlaClocks.Shown(r, c.status(now), current.of(r.organizationId()).calendarId()));
    }
    return out;
  }
}
