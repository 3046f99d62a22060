package io.opsflow.db;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Recognizes failures that mean "another writer got there first: try again". */
public final class Conflicts {
  private Conflicts() {}

  public static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.equals("OptimisticLockException")
          || name.equals("StaleStateException")
          || name.equals("StaleObjectStateException")
          || name.equals("OptimisticEntityLockException")
          || t instanceof SQLTransientException) {
        return true;
      }
      // 40001 serialization failure, 40P01 deadlock (PostgreSQL); H2 lock timeout HYT00
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
