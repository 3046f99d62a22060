package io.opsflow.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.sla.model.Pause;
import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.sla.model.SlaStatus;
import io.opsflow.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * An incident's SLA clocks (response and resolution), changed in the transaction of the change that
 * moves them: started when the incident gets a priority, retargeted when the priority changes,
 * paused and resumed on request, the response clock stopped by the first acknowledgement and both
 * by the resolution. Each change also tells the clock's process (workflow outbox) to schedule
 * again.
 */
public final class SlaClocks {
  static final String ACTOR = "opsflow:sla";
  static final String INCIDENT = "incident";
  public static final String TICKET = "ticket";

  /**
   * What a clock measures: an incident or a ticket, its priority, when it opened, and when it got
   * its first response and its resolution (null while not yet).
   */
  public record Subject(
      String type,
      String id,
      String organizationId,
      String priority,
      java.time.Instant openedAt,
      java.time.Instant respondedAt,
      java.time.Instant resolvedAt) {
    static Subject of(Incident i) {
      return new Subject(
          INCIDENT,
          i.id(),
          i.organizationId(),
          i.priority(),
          i.openedAt(),
          i.acknowledgedAt(),
          i.resolvedAt());
    }
  }

  private final Supplier<SlaSettings> settings;
  private final Clock clock;
  private final MeterRegistry metrics;

  public SlaClocks(Supplier<SlaSettings> settings, Clock clock, MeterRegistry metrics) {
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The domain clock a row stands for: its facts replayed on today's calendar and targets. */
  public SlaClock clockOf(SlaClockRow r) {
    return clockOf(r, settings.get());
  }

  private static SlaClock clockOf(SlaClockRow r, SlaSettings settings) {
    SlaClock c =
        settings.clock(
            r.organizationId(), r.priority(), SlaClockRow.RESPONSE.equals(r.kind()), r.started());
    for (Pause p : r.pauses()) {
      c = c.pause(p.paused(), p.reason());
      if (p.resumed() != null) {
        c = c.resume(p.resumed());
      }
    }
    return r.stopped() == null ? c : c.stop(r.stopped());
  }

  /** The incident got (or changed) its priority: start its clocks, or retarget them. */
  public void onPrioritized(Session s, Incident inc) {
    start(s, Subject.of(inc));
  }

  /** The subject got (or changed) its priority: start its clocks, or retarget them. */
  public void start(Session s, Subject i) {
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
        row = stopped == null ? withDue(row) : stoppedAt(row, stopped);
        SlaClockStore.insert(s, row);
        note(s, i.type(), i.id(), describeStart(row));
        signal(s, id, i.organizationId(), WorkflowSignal.Kind.SLA_START);
      } else if (!existing.get().priority().equals(i.priority())) {
        SlaClockRow row = existing.get();
        SlaClockRow moved =
            withDue(
                row.with(
                    i.priority(),
                    row.pauses(),
                    row.stopped(),
                    null,
                    row.warned(),
                    row.breached(),
                    row.met()));
        SlaClockStore.update(s, moved);
        note(
            s,
            i.type(),
            i.id(),
            "SLA " + kind + " target now " + i.priority() + "'s: due " + dueText(moved));
        signal(s, id, i.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      }
    }
  }

  /** The first acknowledgement is the first qualifying response: it stops the response clock. */
  public void onAcknowledged(Session s, Incident i) {
    stop(s, Subject.of(i), SlaClockRow.RESPONSE, i.acknowledgedAt());
    if (i.acknowledgedAt() != null && i.priority() != null) {
      Timer.builder("opsflow.incident.first.response")
          .description("time from an incident's start to its first acknowledgement")
          .tag("priority", i.priority())
          .publishPercentileHistogram()
          .register(metrics)
          .record(Duration.between(i.openedAt(), i.acknowledgedAt()));
    }
  }

  /** The resolution stops every clock still running. */
  public void onResolved(Session s, Incident i) {
    stop(s, Subject.of(i), SlaClockRow.RESPONSE, i.resolvedAt());
    stop(s, Subject.of(i), SlaClockRow.RESOLUTION, i.resolvedAt());
  }

  /** Pauses the incident's running clocks; false when none was running. */
  public boolean pause(Session s, Incident i, Instant at, String reason) {
    return pause(s, Subject.of(i), at, reason, null);
  }

  /** Pauses the subject's running clocks of {@code kind} (every kind when null). */
  public boolean pause(Session s, Subject i, Instant at, String reason, String kind) {
    boolean changed = false;
    for (SlaClockRow r : SlaClockStore.ofSubject(s, i.id())) {
      SlaClock c = clockOf(r);
      if (r.stopped() != null || c.paused() || (kind != null && !kind.equals(r.kind()))) {
        continue;
      }
      SlaClock paused = c.pause(at, reason);
      SlaClockStore.update(
          s, r.with(r.priority(), paused.pauses(), null, null, r.warned(), r.breached(), null));
      signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      changed = true;
    }
    if (changed) {
      note(
          s,
          i.type(),
          i.id(),
          (kind == null ? "SLA clocks" : "SLA " + kind + " clock") + " paused: " + reason);
    }
    return changed;
  }

  /** Resumes the incident's paused clocks; their deadlines move by the business time paused. */
  public boolean resume(Session s, Incident i, Instant at) {
    return resume(s, Subject.of(i), at);
  }

  /** Resumes the subject's paused clocks. */
  public boolean resume(Session s, Subject i, Instant at) {
    List<String> moved = new ArrayList<>();
    for (SlaClockRow r : SlaClockStore.ofSubject(s, i.id())) {
      SlaClock c = clockOf(r);
      if (r.stopped() != null || !c.paused()) {
        continue;
      }
      SlaClock resumed = c.resume(at);
      SlaClockRow row =
          withDue(
              r.with(r.priority(), resumed.pauses(), null, null, r.warned(), r.breached(), null));
      SlaClockStore.update(s, row);
      signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      moved.add(r.kind() + " due " + dueText(row));
    }
    if (!moved.isEmpty()) {
      note(s, i.type(), i.id(), "SLA clocks resumed: " + String.join(", ", moved));
    }
    return !moved.isEmpty();
  }

  /**
   * After the SLA settings changed: every running clock whose deadline moved on the calendar and
   * targets now in force gets its new due time, a timeline entry and a new schedule (its process
   * sets its timers anew). Returns how many moved.
   */
  public int retargetRunning(Session s) {
    int moved = 0;
    for (SlaClockRow r : SlaClockStore.running(s)) {
      SlaClockRow now = withDue(r);
      if (java.util.Objects.equals(now.due(), r.due())
          || !SlaClockStore.updateDue(s, r, now.due())) {
        continue;
      }
      note(
          s,
          r.subjectType(),
          r.subjectId(),
          "SLA " + r.kind() + " due " + dueText(now) + " under the SLA settings now in force");
      signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
      moved++;
    }
    return moved;
  }

  /** Where each of the subject's clocks stands at {@code now}. */
  public List<Shown> statuses(Session s, String subjectId, Instant now) {
    List<Shown> out = new ArrayList<>();
    for (SlaClockRow r : SlaClockStore.ofSubject(s, subjectId)) {
      SlaClock c = clockOf(r);
      out.add(new Shown(r, c.status(now), settings.get().of(r.organizationId()).calendarId()));
    }
    return out;
  }

  /**
   * Where the clocks of each of {@code subjectIds} stand at {@code now}, read in one query; a
   * subject without clocks maps to an empty list.
   */
  public java.util.Map<String, List<Shown>> statuses(
      Session s, java.util.Collection<String> subjectIds, Instant now) {
    java.util.Map<String, List<Shown>> out = new java.util.LinkedHashMap<>();
    subjectIds.forEach(id -> out.put(id, new ArrayList<>()));
    SlaSettings current = settings.get();
    for (SlaClockRow r : SlaClockStore.ofSubjects(s, subjectIds)) {
      SlaClock c = clockOf(r, current);
      out.computeIfAbsent(r.subjectId(), k -> new ArrayList<>())
          .add(new Shown(r, c.status(now), current.of(r.organizationId()).calendarId()));
    }
    return out;
  }

  /** A clock as the API shows it. */
  public record Shown(SlaClockRow row, SlaStatus status, String calendarId) {}

  /** Stops the subject's clock of {@code kind} at {@code at}, if it still runs. */
  public void stop(Session s, Subject i, String kind, Instant at) {
    if (at == null) {
      return;
    }
    Optional<SlaClockRow> found = SlaClockStore.find(s, SlaClockRow.idOf(i.id(), kind));
    if (found.isEmpty() || found.get().stopped() != null) {
      return;
    }
    SlaClockRow r = found.get();
    SlaClockStore.update(s, stoppedAt(r, at));
    signal(s, r.id(), r.organizationId(), WorkflowSignal.Kind.SLA_UPDATE);
  }

  /** The row stopped at {@code at}: its due time then and whether it was met. */
  private SlaClockRow stoppedAt(SlaClockRow r, Instant at) {
    SlaClock stopped = clockOf(r).stop(at);
    SlaStatus status = stopped.status(at);
    return r.with(
        r.priority(), stopped.pauses(), at, status.due(), r.warned(), r.breached(), status.met());
  }

  private SlaClockRow withDue(SlaClockRow r) {
    SlaClock c = clockOf(r);
    Instant due = c.due().orElse(null);
    return r.with(r.priority(), r.pauses(), r.stopped(), due, r.warned(), r.breached(), r.met());
  }

  private String describeStart(SlaClockRow r) {
    var targets = settings.get().of(r.organizationId()).policy().targets(r.priority());
    var target = SlaClockRow.RESPONSE.equals(r.kind()) ? targets.response() : targets.resolution();
    return "SLA "
        + r.kind()
        + " clock started: "
        + target
        + " for "
        + r.priority()
        + ", due "
        + dueText(r);
  }

  private static String dueText(SlaClockRow r) {
    return r.due() == null ? "when the pause ends" : r.due().toString();
  }

  private void note(Session s, String type, String subjectId, String message) {
    if (TICKET.equals(type)) {
      s.doWork(c -> new TicketStore(c).timeline(subjectId, clock.instant(), "sla", ACTOR, message));
    } else {
      s.persist(new TimelineEntry(subjectId, clock.instant(), "sla", ACTOR, message));
    }
  }

  private void signal(Session s, String clockId, String org, WorkflowSignal.Kind kind) {
    s.persist(new WorkflowOutboxRow(clockId, org, kind.name(), ACTOR, clock.instant()));
  }
}
