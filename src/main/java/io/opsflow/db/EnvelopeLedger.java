package io.opsflow.db;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Envelope ids already applied, so a record seen twice changes nothing the second time. Ids are
 * kept as UUIDs (an id that is not one is hashed to a name-based UUID): 16 bytes a row, one
 * primary-key index, written in JDBC batches inside the caller's transaction. Rows carry the day
 * they were written, for pruning once the log can no longer replay them.
 */
public final class EnvelopeLedger {
  private EnvelopeLedger() {}

  /** The subset of {@code ids} applied before. */
  public static Set<String> applied(Session session, Collection<String> ids) {
    Set<String> seen = new HashSet<>();
    if (ids.isEmpty()) {
      return seen;
    }
    Map<UUID, String> byKey = new HashMap<>(ids.size() * 2);
    for (String id : ids) {
      byKey.put(key(id), id);
    }
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select id from envelope_ledger where id = any (?)")) {
            Array array = c.createArrayOf(uuidType(c), byKey.keySet().toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                seen.add(byKey.get(rs.getObject(1, UUID.class)));
              }
            }
          }
        });
    return seen;
  }

  /** Records {@code ids} as applied, in the caller's transaction. */
  public static void record(Session session, Collection<String> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    int day = day(at);
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("insert into envelope_ledger (id, applied_day) values (?, ?)")) {
            for (String id : ids) {
              ps.setObject(1, key(id));
              ps.setInt(2, day);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /** Days since the epoch, the pruning unit. */
  public static int day(Instant at) {
    return (int) (at.getEpochSecond() / 86_400);
  }

  public static UUID key(String id) {
    if (id.length() == 36) {
      try {
        return UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        // not a UUID after all: hashed below
      }
    }
    return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String uuidType(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
        ? "uuid"
        : "UUID";
  }
}
