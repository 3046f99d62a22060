package io.opsflow.sla;

import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.sla.model.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Pauses, resumes and stops a subject's running clocks. */
final class ClockPauses {
  private final ClockRows rows;
  private final SlaNotes notes;

  ClockPauses(ClockRows rows, SlaNotes notes) {
    this.rows = rows;
    this.notes = notes;
  }

  /** Pauses the subject's running clocks of {@code kind} (every kind when null). */
  boolean pause(Session s, SlaClocks.Subject i, Instant at, String reason, String kind) {
    boolean changed = false;
    for (SlaClockRow r : SlaClockStore.ofSubject(s, i.id())) {
      SlaClock c = rows.clockOf(r);
      if (r.stopped() != null || c.paused() || (kind != null && !kind.equals(r.kind()))) {
        continue;
      }
      SlaClock paused = c.pause(at, reason);
      SlaClockWrites.update(
          s, r.with(r.priority(), paused.pauses(), null, null, r.warned(), r.breached(), null));
      notes.signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      changed = true;
    }
    if (changed) {
      notes.note(
          s,
          i.type(),
          i.id(),
          (kind == null ? "SLA clocks" : "SLA " + kind + " clock") + " paused: " + reason);
    }
    return changed;
  }

  /** Resumes the subject's paused clocks; their deadlines move by the business time paused. */
  boolean resume(Session s, SlaClocks.Subject i, Instant at) {
    List<String> moved = new ArrayList<>();
    for (SlaClockRow r : SlaClockStore.ofSubject(s, i.id())) {
      SlaClock c = rows.clockOf(r);
      if (r.stopped() != null || !c.paused()) {
        continue;
      }
      SlaClock resumed = c.resume(at);
      SlaClockRow row =
          rows.withDue(
              r.with(r.priority(), resumed.pauses(), null, null, r.warned(), r.breached(), null));
      SlaClockWrites.update(s, row);
      notes.signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      moved.add(r.kind() + " due " + ClockRows.dueText(row));
    }
    if (!moved.isEmpty()) {
      notes.note(s, i.type(), i.id(), "SLA clocks resumed: " + String.join(", ", moved));
    }
    return !moved.isEmpty();
  }

  /** Stops the subject's clock of {@code kind} at {@code at}, if it still runs. */
  void stop(Session s, SlaClocks.Subject i, String kind, Instant at) {
    if (at == null) {
      return;
    }
    Optional<SlaClockRow> found = SlaClockStore.find(s, SlaClockRow.idOf(i.id(), kind));
    if (found.isEmpty() || found.get().stopped() != null) {
      return;
    }
    SlaClockRow r = found.get();
    SlaClockWrites.update(s, rows.stoppedAt(r, at));
    notes.signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
  }
}
