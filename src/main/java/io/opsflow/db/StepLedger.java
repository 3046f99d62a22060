package io.opsflow.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Workflow steps applied once per key (table {@code workflow_step}): a key names the subject, the
 * step and its occurrence ({@code incident:<id>:escalate:<step>}, {@code <clock id>:breach}),
 * stable across the engine's retry of the same transaction. The key is written in the step's own
 * transaction, so the step's writes and its key commit together or not at all.
 */
public final class StepLedger {
  private static final int ATTEMPTS = 5;

  private StepLedger() {}

  /**
   * Runs {@code step} once for {@code key}: a second run returns the first run's result, decoded
   * from what {@code encode} kept, and writes nothing.
   */
  public static <R> R once(
      Database db,
      String key,
      long nowMs,
      Function<Session, R> step,
      Function<R, String> encode,
      Function<String, R> decode) {
    return inTransaction(
        db,
        s -> {
          Optional<String> done = find(s, key);
          if (done.isPresent()) {
            return decode.apply(done.get());
          }
          R result = step.apply(s);
          record(s, key, encode.apply(result), nowMs);
          return result;
        });
  }

  /**
   * Takes {@code key} for a step about to write, in the session's transaction; false when the step
   * ran before (it must then write nothing). A concurrent run of the same step waits on the key and
   * then fails, and {@link #inTransaction} runs it again.
   */
  public static boolean claim(Session s, String key, long nowMs) {
    if (find(s, key).isPresent()) {
      return false;
    }
    record(s, key, "", nowMs);
    return true;
  }

  /**
   * One transaction, again when it lost a race with another run: a conflict, or a step key taken
   * meanwhile (the next attempt finds it).
   */
  public static <R> R inTransaction(Database db, Function<Session, R> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return db.inTransaction(work);
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !(Conflicts.isConflict(e) || keyTaken(e))) {
          throw e;
        }
      }
    }
  }

  public static Optional<String> find(Session s, String key) {
    String[] out = new String[1];
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select result from workflow_step where step_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                out[0] = rs.getString(1);
              }
            }
          }
        });
    return Optional.ofNullable(out[0]);
  }

  public static void record(Session s, String key, String result, long nowMs) {
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into workflow_step (step_key, result, recorded_ms) values (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, result);
            ps.setLong(3, nowMs);
            ps.executeUpdate();
          }
        });
  }

  /** A unique violation (SQLState 23505 on H2 and PostgreSQL). */
  private static boolean keyTaken(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
