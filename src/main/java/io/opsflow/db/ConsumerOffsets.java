package io.opsflow.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;

/**
 * Consumer positions kept in opsflow's database, written in the same transaction as the records'
 * effects: what the database holds and where the consumer resumes can never disagree.
 */
public final class ConsumerOffsets {
  private final Database db;

  public ConsumerOffsets(Database db) {
    this.db = db;
  }

  /** A partition of a topic. */
  public record Position(String topic, int partition) {}

  /** Moves the group's positions forward (never back), inside the caller's transaction. */
  public static void advance(Session session, String group, Map<Position, Long> next) {
    if (next.isEmpty()) {
      return;
    }
    session.doWork(
        c -> {
          try (PreparedStatement update =
                  c.prepareStatement(
                      "update consumer_offset set next_offset = ? where group_id = ? and topic = ?"
                          + " and partition_no = ? and next_offset < ?");
              PreparedStatement exists =
                  c.prepareStatement(
                      "select 1 from consumer_offset where group_id = ? and topic = ?"
                          + " and partition_no = ?");
              PreparedStatement insert =
                  c.prepareStatement(
                      "insert into consumer_offset (group_id, topic, partition_no, next_offset)"
                          + " values (?, ?, ?, ?)")) {
            for (Map.Entry<Position, Long> e : next.entrySet()) {
              update.setLong(1, e.getValue());
              update.setString(2, group);
              update.setString(3, e.getKey().topic());
              update.setInt(4, e.getKey().partition());
              update.setLong(5, e.getValue());
              if (update.executeUpdate() > 0) {
                continue;
              }
              exists.setString(1, group);
              exists.setString(2, e.getKey().topic());
              exists.setInt(3, e.getKey().partition());
              try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                  continue;
                }
              }
              insert.setString(1, group);
              insert.setString(2, e.getKey().topic());
              insert.setInt(3, e.getKey().partition());
              insert.setLong(4, e.getValue());
              insert.executeUpdate();
            }
          }
        });
  }

  /** The group's stored positions on a topic, by partition. */
  public Map<Integer, Long> positions(String group, String topic) {
    return db.inTransaction(
        s -> {
          Map<Integer, Long> out = new HashMap<>();
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select partition_no, next_offset from consumer_offset"
                            + " where group_id = ? and topic = ?")) {
                  ps.setString(1, group);
                  ps.setString(2, topic);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.put(rs.getInt(1), rs.getLong(2));
                    }
                  }
                }
              });
          return out;
        });
  }
}
