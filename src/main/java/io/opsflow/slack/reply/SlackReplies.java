package io.opsflow.slack.reply;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketStatus;
import java.util.Locale;
import org.hibernate.Session;

/**
 * Slack requests waiting for the work they asked for, and the answers posted to their {@code
 * response_url} once it is done (table {@code slack_reply}). The HTTP side writes the waiting row
 * before it publishes; the consumer that applies the work settles it in its own transaction ({@link
 * #settle}), so an answer is due exactly when the work is committed, and a replayed record, already
 * applied, settles nothing again.
 */
public final class SlackReplies {
  public static final String WAITING = "waiting";
  public static final String DUE = "due";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String EXPIRED = "expired";

  /** The name of the internal integration that incidents declared in Slack come from. */
  public static final String INTEGRATION = "slack";

  /** How the work went. */
  public enum Outcome {
    APPLIED,
    UNCHANGED,
    REFUSED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A request waiting for its work: {@code waitKey} is what the consumer settles, {@code subject}
   * what the answer is about (a ticket or incident id), {@code scope} the requester's organization
   * (null: every organization).
   */
  public record Request(
      String id,
      String waitKey,
      String kind,
      String subject,
      String scope,
      String actor,
      String responseUrl) {}

  private final Database db;

  public SlackReplies(Database db) {
    this.db = db;
  }

  /** Writes the waiting row; done before the work is published. */
  public void expect(Request r, long nowMs) {
    Sql.update(
        db,
        "insert into slack_reply (id, wait_key, kind, subject, scope, actor, response_url, status,"
            + " attempts, created_ms, next_attempt_ms) values (?,?,?,?,?,?,?,?,0,?,?)",
        r.id(),
        r.waitKey(),
        r.kind(),
        r.subject(),
        r.scope(),
        r.actor(),
        r.responseUrl(),
        WAITING,
        nowMs,
        nowMs);
  }

  /** Removes a waiting row whose work was refused before it was published. */
  public void cancel(String id) {
    Sql.update(db, "delete from slack_reply where id = ? and status = ?", id, WAITING);
  }

  /** The work a request waits for was applied (or refused) in the caller's transaction. */
  public static void settle(Session s, String waitKey, Outcome o, String detail, long nowMs) {
    if (waitKey == null) {
      return;
    }
    s.doWork(
        c ->
            Sql.update(
                c,
                "update slack_reply set status = ?, outcome = ?, detail = ?, next_attempt_ms = ?"
                    + " where wait_key = ? and status = ?",
                DUE,
                o.wire(),
                cut(detail),
                nowMs,
                waitKey,
                WAITING));
  }

  /** What a Slack request for this ticket command waits for; null for other commands. */
  public static String ticketKey(TicketCommand c) {
    if (c instanceof TicketCommand.Open) {
      return openedKey(c.ticketId());
    }
    if (c instanceof TicketCommand.SetStatus st && st.status() == TicketStatus.RESOLVED) {
      return resolvedKey(c.ticketId());
    }
    return null;
  }

  public static String openedKey(String ticketId) {
    return "ticket:" + ticketId + ":open";
  }

  public static String resolvedKey(String ticketId) {
    return "ticket:" + ticketId + ":resolved";
  }

  static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
