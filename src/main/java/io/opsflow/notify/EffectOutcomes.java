package io.opsflow.notify;

import io.opsflow.db.Database;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.EffectPlan;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/** What became of claimed effects: finished (done or failed), put back for later, coalesced. */
final class EffectOutcomes {
  private final Database db;
  private final EffectStore store;

  EffectOutcomes(Database db, EffectStore store) {
    this.db = db;
    this.store = store;
  }

  /**
   * Finishes an effect in one transaction: its status and result, timeline entries, and the effects
   * it causes in turn (a bridge's link posted to the room).
   */
  void finish(
      long seq,
      String status,
      String result,
      String error,
      long nowMs,
      List<TimelineEntry> timeline,
      EffectPlan followUps) {
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "update effect set status = ?, result = ?, last_error = ?, finished_ms = ?"
                            + " where seq = ?")) {
                  ps.setString(1, status);
                  ps.setString(2, cut(result, 2000));
                  ps.setString(3, cut(error, 1000));
                  ps.setLong(4, nowMs);
                  ps.setLong(5, seq);
                  ps.executeUpdate();
                }
              });
          for (TimelineEntry t : timeline) {
            recordLine(s, t);
          }
          EffectStore.plan(s, followUps, true, nowMs);
          return null;
        });
  }

  /** A line for the subject's timeline: its own feature's (a ticket's), else the incident's. */
  private void recordLine(Session s, TimelineEntry t) {
    if (!store.timelines().record(s, t)) {
      s.persist(t);
    }
  }

  /**
   * Puts the effect back for {@code nextMs}; {@code undoAttempt} when nothing reached the vendor.
   */
  void retryLater(long seq, String error, long nextMs, boolean undoAttempt) {
    work(
        "update effect set next_attempt_ms = ?, last_error = ?"
            + (undoAttempt ? ", attempts = attempts - 1" : "")
            + " where seq = ? and status = '"
            + EffectStore.PENDING
            + "'",
        ps -> {
          ps.setLong(1, nextMs);
          ps.setString(2, cut(error, 1000));
          ps.setLong(3, seq);
        });
  }

  /**
   * Marks the incident's other pending summary refreshes as done: the one running now renders the
   * incident as it is, which covers them.
   */
  int coalesceSummaries(String incidentId, long runningSeq, long nowMs) {
    return work(
        "update effect set status = '"
            + EffectStore.DONE
            + "', result = 'coalesced', finished_ms = ? where incident_id = ? and kind ="
            + " 'RefreshSummary' and status = '"
            + EffectStore.PENDING
            + "' and seq <> ?",
        ps -> {
          ps.setLong(1, nowMs);
          ps.setString(2, incidentId);
          ps.setLong(3, runningSeq);
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int work(String sql, Binder binder) {
    return db.inTransaction(
        s -> {
          int[] n = new int[1];
          s.doWork(
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                  binder.bind(ps);
                  n[0] = ps.executeUpdate();
                }
              });
          return n[0];
        });
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
