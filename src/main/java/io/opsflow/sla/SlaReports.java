package io.opsflow.sla;

import io.opsflow.db.Database;
import io.opsflow.sla.model.SlaSettings;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The monthly SLA report of an organization: for each kind of clock and priority, how many clocks
 * started in the month (in the organization's calendar zone) met their target, missed it, or are
 * still running.
 */
public final class SlaReports {
  private final Database db;
  private final Supplier<SlaSettings> settings;

  public SlaReports(Database db, Supplier<SlaSettings> settings) {
    this.db = db;
    this.settings = settings;
  }

  /** One line of the report. */
  public record Line(
      String kind,
      String priority,
      int clocks,
      int met,
      int missed,
      int running,
      Double shareMet) {}

  /** The report: the zone the month was counted in, and its lines. */
  public record Report(String organization, YearMonth month, ZoneId zone, List<Line> lines) {}

  public Report report(String organizationId, YearMonth month, Instant now) {
    ZoneId zone = settings.get().of(organizationId).calendar().zone();
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<Line> lines = new ArrayList<>();
    for (String kind : List.of(SlaClockRow.RESPONSE, SlaClockRow.RESOLUTION)) {
      List<SlaClockRow> rows =
          db.inTransaction(s -> SlaClockStore.started(s, organizationId, kind, from, to));
      Map<String, int[]> byPriority = new TreeMap<>();
      for (SlaClockRow r : rows) {
        int[] n = byPriority.computeIfAbsent(r.priority(), k -> new int[4]);
        n[0]++;
        if (r.stopped() != null) {
          n[Boolean.TRUE.equals(r.met()) ? 1 : 2]++;
        } else if (r.breached() != null || (r.due() != null && r.due().isBefore(now))) {
          n[2]++; // still open and already past due: missed whatever happens next
        } else {
          n[3]++;
        }
      }
      byPriority.forEach(
          (priority, n) ->
              lines.add(
                  new Line(
                      kind,
                      priority,
                      n[0],
                      n[1],
                      n[2],
                      n[3],
                      n[1] + n[2] == 0 ? null : (double) n[1] / (n[1] + n[2]))));
    }
    return new Report(organizationId, month, zone, lines);
  }
}
