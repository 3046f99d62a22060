package io.opsflow.sla;

import io.opsflow.incident.model.WorkflowSignal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/** Starts a subject's clocks, and retargets them when its priority or the SLA settings change. */
final class ClockStarts {
  private final ClockRows rows;
  private final SlaNotes notes;

  ClockStarts(ClockRows rows, SlaNotes notes) {
    this.rows = rows;
    this.notes = notes;
  }

  /** The subject got (or changed) its priority: start its clocks, or retarget them. */
  void start(Session s, SlaClocks.Subject i) {
    if (i.priority() == null) {
      return;
    }
    for (String kind : List.of(SlaClockRow.RESPONSE, SlaClockRow.RESOLUTION)) {
      String id = SlaClockRow.idOf(i.id(), kind);
      Optional<SlaClockRow> existing = SlaClockStore.find(s, id);
      if (existing.isEmpty()) {
        // a subject resolved before its clocks started (an incident resolved before triage ran)
        // had its last response then too: both clocks start stopped, with their verdicts
        Instant stopped =
            kind.equals(SlaClockRow.RESPONSE) && i.respondedAt() != null
                ? i.respondedAt()
                : i.resolvedAt();
        SlaClockRow row =
            new SlaClockRow(
                id,
                i.type(),
                i.id(),
                kind,
                i.organizationId(),
                i.priority(),
                i.openedAt(),
                List.of(),
                null,
                null,
                null,
                null,
                null);
        row = stopped == null ? rows.withDue(row) : rows.stoppedAt(row, stopped);
        SlaClockWrites.insert(s, row);
        notes.note(s, i.type(), i.id(), rows.describeStart(row));
        notes.signal(s, id, i.organizationId(), WorkflowSignal.Kind.SLA_START);
      } else if (!existing.get().priority().equals(i.priority())) {
        SlaClockRow row = existing.get();
        SlaClockRow moved =
            rows.withDue(
                row.with(
                    i.priority(),
                    row.pauses(),
                    row.stopped(),
                    null,
                    row.warned(),
                    row.breached(),
                    row.met()));
        SlaClockWrites.update(s, moved);
        notes.note(
            s,
            i.type(),
            i.id(),
            "SLA " + kind + " target now " + i.priority() + "'s: due " + ClockRows.dueText(moved));
        notes.signal(s, id, i.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      }
    }
  }

  /**
   * After the SLA settings changed: every running clock whose deadline moved on the calendar and
   * targets now in force gets its new due time, a timeline entry and a new schedule (its process
   * sets its timers anew). Returns how many moved.
   */
  int retargetRunning(Session s) {
    int moved = 0;
    for (SlaClockRow r : SlaClockStore.running(s)) {
      SlaClockRow now = rows.withDue(r);
      if (Objects.equals(now.due(), r.due()) || !SlaClockWrites.updateDue(s, r, now.due())) {
        continue;
      }
      notes.note(
          s,
          r.subjectType(),
          r.subjectId(),
          "SLA "
              + r.kind()
              + " due "
              + ClockRows.dueText(now)
              + " under the SLA settings now in force");
      notes.signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      moved++;
    }
    return moved;
  }
}
