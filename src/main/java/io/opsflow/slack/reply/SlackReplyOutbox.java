package io.opsflow.slack.reply;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending side of {@code slack_reply}: the answers due, claimed one at a time so that two
 * instances never post the same one, and how each attempt ended.
 */
public final class SlackReplyOutbox {
  /** A settled request whose answer is to be posted. */
  public record Due(
      SlackReplies.Request request,
      String outcome,
      String detail,
      int attemptsBefore,
      long createdMs) {}

  private final Database db;

  public SlackReplyOutbox(Database db) {
    this.db = db;
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
                    new SlackReplies.Request(
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
            SlackReplies.DUE,
            nowMs);
    List<Due> claimed = new ArrayList<>();
    for (Due d : due) {
      if (Sql.update(
              db,
              "update slack_reply set attempts = attempts + 1, next_attempt_ms = ? where id = ?"
                  + " and status = ? and attempts = ?",
              nowMs + leaseMs,
              d.request().id(),
              SlackReplies.DUE,
              d.attemptsBefore())
          == 1) {
        claimed.add(d);
      }
    }
    return claimed;
  }

  public void sent(String id, long nowMs) {
    finish(id, SlackReplies.SENT, null, nowMs);
  }

  public void failed(String id, String error, long nowMs) {
    finish(id, SlackReplies.FAILED, error, nowMs);
  }

  public void retryAt(String id, String error, long nextMs) {
    Sql.update(
        db,
        "update slack_reply set next_attempt_ms = ?, last_error = ? where id = ? and status = ?",
        nextMs,
        SlackReplies.cut(error),
        id,
        SlackReplies.DUE);
  }

  /** Requests still waiting since before {@code createdBeforeMs} will not be answered. */
  public int expire(long createdBeforeMs, long nowMs) {
    return Sql.update(
        db,
        "update slack_reply set status = ?, finished_ms = ? where status = ? and created_ms < ?",
        SlackReplies.EXPIRED,
        nowMs,
        SlackReplies.WAITING,
        createdBeforeMs);
  }

  private void finish(String id, String status, String error, long nowMs) {
    Sql.update(
        db,
        "update slack_reply set status = ?, finished_ms = ?, last_error = ? where id = ?",
        status,
        nowMs,
        SlackReplies.cut(error),
        id);
  }
}
