package io.opsflow.ticket;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketProcessSteps;
import io.opsflow.ticket.model.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The ticket process's tasks, each one transaction over the ticket as it is now. */
public final class TicketSteps implements TicketProcessSteps {
  private static final Actor TRIAGE = Actor.system("triage");
  private static final Actor AUTO_CLOSE = Actor.system("auto-close");

  private final Database db;
  private final TicketApplier applier;
  private final SlaClocks clocks;
  private final Duration autoCloseAfter;
  private final Runnable afterCommit;
  private final Clock clock;

  public TicketSteps(
      Database db,
      TicketApplier applier,
      SlaClocks clocks,
      Duration autoCloseAfter,
      Runnable afterCommit,
      Clock clock) {
    this.db = db;
    this.applier = applier;
    this.clocks = clocks;
    this.autoCloseAfter = autoCloseAfter;
    this.afterCommit = afterCommit;
    this.clock = clock;
  }

  @Override
  public String triage(String ticketId) {
    Instant now = clock.instant();
    StepLedger.inTransaction(
        db,
        s -> {
          if (!StepLedger.claim(s, "ticket:" + ticketId + ":triage", now.toEpochMilli())) {
            return null;
          }
          StringBuilder line = new StringBuilder();
          s.doWork(
              c -> {
                Optional<Ticket> t = new TicketStore(c).find(ticketId);
                if (t.isEmpty()) {
                  return;
                }
                line.append("Triaged as ").append(t.get().priority());
                for (SlaClocks.Shown shown : clocks.statuses(s, ticketId, now)) {
                  Instant due = shown.status().due();
                  if (due != null) {
                    line.append("; ").append(shown.row().kind()).append(" due ").append(due);
                  }
                }
                line.append("; closes ")
                    .append(autoCloseAfter)
                    .append(" after its resolution without a reply");
                new TicketStore(c)
                    .timeline(ticketId, now, "triage", TRIAGE.name(), line.toString());
              });
          return null;
        });
    return autoCloseAfter.toString();
  }

  @Override
  public boolean autoClose(String ticketId) {
    Instant now = clock.instant();
    boolean closed =
        StepLedger.inTransaction(
            db,
            s -> {
              boolean[] done = new boolean[1];
              s.doWork(
                  c -> {
                    Optional<Ticket> t = new TicketStore(c).find(ticketId);
                    done[0] = t.isEmpty() || t.get().status() == TicketStatus.CLOSED;
                    if (t.isPresent()
                        && t.get().status() == TicketStatus.RESOLVED
                        && StepLedger.claim(
                            s, "ticket:" + ticketId + ":autoClose", now.toEpochMilli())) {
                      applier.apply(
                          s,
                          "auto-close:" + UUID.randomUUID(),
                          AUTO_CLOSE,
                          new TicketCommand.SetStatus(
                              ticketId,
                              TicketStatus.CLOSED,
                              "no reply for " + autoCloseAfter + " after the resolution"),
                          now);
                      done[0] = true;
                    }
                  });
              return done[0];
            });
    afterCommit.run();
    return closed;
  }
}
