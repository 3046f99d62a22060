package io.opsflow.store;

import io.opsflow.ticket.TicketCommand;
import io.opsflow.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;
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

  /** A settled request whose answer is to be posted. */
  public record Due(
      Request request, String outcome, String detail, int attemptsBefore, long createdMs) {}

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

  /** As {@link #settle(Session, String, Outcome, String, long)}, in a transaction of its own. */
  public void settle(String waitKey, Outcome o, String detail, long nowMs) {
    db.inTransaction(
        s -> {
          settle(s, waitKey, o, detail, nowMs);
          return null;
        });
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

  /**
   * Claims up to {@code limit} due answers for {@code leaseMs}: their attempt count goes up first,
   * so another instance does not post them meanwhile.
   */
  public List<Due> claimDue(long nowMs, long leaseMs, int limit) {
    List<Due> due =
        Sql.query(
            db,
            "select id, wait_key, kind, subject, scope, actor, response_url, outcome, detail,"
                + " attempts, created_ms from slack_reply where status = ? and next_attempt_ms <= ?"
                + " order by next_attempt_ms fetch first "
                + limit
                + " rows only",
            rs ->
                new Due(
                    new Request(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getInt(10),
                    rs.getLong(11)),
            DUE,
            nowMs);
    List<Due> claimed = new ArrayList<>();
    for (Due d : due) {
      if (Sql.update(
              db,
              "update slack_reply set attempts = attempts + 1, next_attempt_ms = ? where id = ?"
                  + " and status = ? and attempts = ?",
              nowMs + leaseMs,
              d.request().id(),
              DUE,
              d.attemptsBefore())
          == 1) {
        claimed.add(d);
      }
    }
    return claimed;
  }

  public void sent(String id, long nowMs) {
    finish(id, SENT, null, nowMs);
  }

  public void failed(String id, String error, long nowMs) {
    finish(id, FAILED, error, nowMs);
  }

  public void retryAt(String id, String error, long nextMs) {
    Sql.update(
        db,
        "update slack_reply set next_attempt_ms = ?, last_error = ? where id = ? and status = ?",
        nextMs,
        cut(error),
        id,
        DUE);
  }

  /** Requests still waiting since before {@code createdBeforeMs} will not be answered. */
  public int expire(long createdBeforeMs, long nowMs) {
    return Sql.update(
        db,
        "update slack_reply set status = ?, finished_ms = ? where status = ? and created_ms < ?",
        EXPIRED,
        nowMs,
        WAITING,
        createdBeforeMs);
  }

  private void finish(String id, String status, String error, long nowMs) {
    Sql.update(
        db,
        "update slack_reply set status = ?, finished_ms = ?, last_error = ? where id = ?",
        status,
        nowMs,
        cut(error),
        id);
  }

  private static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
