package io.opsflow.ticket.mail;

import io.opsflow.access.TokenRepository;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.ticket.TicketStore;
import io.opsflow.ticket.model.Ticket;
import java.time.Instant;
import java.util.Optional;

/**
 * What inbound mail reads and writes besides ticket commands: the ticket a reply answers (always
 * within the sender's organization), the notes and audit lines for mail that was dropped or
 * refused. Each write is idempotent by its text, so a mail read twice after a crash leaves one.
 */
public final class MailRecords {
  public static final String ACTOR = "opsflow:mail";

  private final Database db;

  public MailRecords(Database db) {
    this.db = db;
  }

  /** The ticket with this id in the organization ({@code scope} null: any organization). */
  public Optional<Ticket> ticket(String id, String scope) {
    return one("id = ?", id, scope);
  }

  /** The ticket with this reference ({@code T-1A2B3C4D}) in the organization. */
  public Optional<Ticket> byReference(String reference, String scope) {
    return one("reference = ?", reference, scope);
  }

  private Optional<Ticket> one(String where, String value, String scope) {
    String sql = "select " + TicketStore.COLUMNS + " from ticket where " + where;
    return (scope == null
            ? Sql.query(db, sql, TicketStore::row, value)
            : Sql.query(db, sql + " and organization_id = ?", TicketStore::row, value, scope))
        .stream().findFirst();
  }

  /** A staff-only line on the ticket's timeline, written once. */
  public void ticketNote(String ticketId, String kind, String message, Instant at) {
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                boolean seen =
                    !Sql.query(
                            c,
                            "select 1 from ticket_timeline where ticket_id = ? and kind = ?"
                                + " and message = ?",
                            rs -> 1,
                            ticketId,
                            kind,
                            message)
                        .isEmpty();
                if (!seen) {
                  new TicketStore(c).timeline(ticketId, at, kind, ACTOR, message);
                }
              });
          return null;
        });
  }

  /** An audit line, written once for the same action, subject and detail. */
  public void audit(String org, String action, String subject, String detail, Instant at) {
    String what = cut(subject, 200);
    String why = cut(detail, 2000);
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                boolean seen =
                    !Sql.query(
                            c,
                            "select 1 from audit_entry where action = ? and subject = ?"
                                + " and detail = ?",
                            rs -> 1,
                            action,
                            what,
                            why)
                        .isEmpty();
                if (!seen) {
                  Audit.record(c, at, ACTOR, org, action, what, why);
                }
              });
          return null;
        });
  }

  /** Whether an audit line with this action and subject was written since {@code since}. */
  public boolean auditedSince(String action, String subject, Instant since) {
    return !Sql.query(
            db,
            "select 1 from audit_entry where action = ? and subject = ? and at >= ?",
            rs -> 1,
            action,
            cut(subject, 200),
            since)
        .isEmpty();
  }

  /** The id of the organization named {@code name} (its slug), created on first use. */
  public String organization(String name) {
    return db.inTransaction(s -> TokenRepository.organizationIdOf(s, name));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
