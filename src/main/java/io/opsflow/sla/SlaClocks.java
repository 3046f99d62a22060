package io.opsflow.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opsflow.incident.model.Incident;
import io.opsflow.notify.IncidentClocks;
import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.sla.model.SlaStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * An incident's (or a ticket's) SLA clocks, response and resolution, changed in the transaction of
 * the change that moves them: started when the subject gets a priority, retargeted when the
 * priority changes, paused and resumed on request, the response clock stopped by the first
 * acknowledgement and both by the resolution. Each change also tells the clock's process (workflow
 * outbox) to schedule again.
 */
public final class SlaClocks implements IncidentClocks {
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
      Instant openedAt,
      Instant respondedAt,
      Instant resolvedAt) {
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

  /** A clock as the API shows it. */
  public record Shown(SlaClockRow row, SlaStatus status, String calendarId) {}

  private final MeterRegistry metrics;
  private final SlaNotes notes;
  private final ClockRows rows;
  private final ClockStarts starts;
  private final ClockPauses pauses;
  private final ClockViews views;

  public SlaClocks(Supplier<SlaSettings> settings, Clock clock, MeterRegistry metrics) {
    this.metrics = metrics;
    this.notes = new SlaNotes(clock);
    this.rows = new ClockRows(settings);
    this.starts = new ClockStarts(rows, notes);
    this.pauses = new ClockPauses(rows, notes);
    this.views = new ClockViews(rows);
  }

  /** The ticket feature's side of ticket clocks: their timeline lines and events. */
  public void tickets(SlaTickets tickets) {
    notes.tickets(tickets);
  }

  SlaNotes notes() {
    return notes;
  }

  /** The domain clock a row stands for: its facts replayed on today's calendar and targets. */
  public SlaClock clockOf(SlaClockRow r) {
    return rows.clockOf(r);
  }

  /** The incident got (or changed) its priority: start its clocks, or retarget them. */
  @Override
  public void onPrioritized(Session s, Incident inc) {
    start(s, Subject.of(inc));
  }

  /** The subject got (or changed) its priority: start its clocks, or retarget them. */
  public void start(Session s, Subject i) {
    starts.start(s, i);
  }

  /** The first acknowledgement is the first qualifying response: it stops the response clock. */
  @Override
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
  @Override
  public void onResolved(Session s, Incident i) {
    stop(s, Subject.of(i), SlaClockRow.RESPONSE, i.resolvedAt());
    stop(s, Subject.of(i), SlaClockRow.RESOLUTION, i.resolvedAt());
  }

  /** Pauses the incident's running clocks; false when none was running. */
  @Override
  public boolean pause(Session s, Incident i, Instant at, String reason) {
    return pause(s, Subject.of(i), at, reason, null);
  }

  /** Pauses the subject's running clocks of {@code kind} (every kind when null). */
  public boolean pause(Session s, Subject i, Instant at, String reason, String kind) {
    return pauses.pause(s, i, at, reason, kind);
  }

  /** Resumes the incident's paused clocks; their deadlines move by the business time paused. */
  @Override
  public boolean resume(Session s, Incident i, Instant at) {
    return resume(s, Subject.of(i), at);
  }

  /** Resumes the subject's paused clocks. */
  public boolean resume(Session s, Subject i, Instant at) {
    return pauses.resume(s, i, at);
  }

  /** Stops the subject's clock of {@code kind} at {@code at}, if it still runs. */
  public void stop(Session s, Subject i, String kind, Instant at) {
    pauses.stop(s, i, kind, at);
  }

  /**
   * After the SLA settings changed: every running clock whose deadline moved gets its new due time,
   * a timeline entry and a new schedule. Returns how many moved.
   */
  public int retargetRunning(Session s) {
    return starts.retargetRunning(s);
  }

  /** Where each of the subject's clocks stands at {@code now}. */
  public List<Shown> statuses(Session s, String subjectId, Instant now) {
    return views.statuses(s, subjectId, now);
  }

  /**
   * Where the clocks of each of {@code subjectIds} stand at {@code now}, read in one query; a
   * subject without clocks maps to an empty list.
   */
  public Map<String, List<Shown>> statuses(Session s, Collection<String> subjectIds, Instant now) {
    return views.statuses(s, subjectIds, now);
  }
}
