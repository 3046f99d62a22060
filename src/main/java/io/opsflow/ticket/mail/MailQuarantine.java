package io.opsflow.ticket.mail;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import io.opsflow.db.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inbound mail that could not become a ticket command, kept whole for an SRE to look at and
 * release. The raw source is stored byte for byte (as ISO-8859-1 text, which maps every byte to one
 * character), so a release reads exactly the bytes that arrived. Reads are scoped to the sender's
 * organization ({@code null} scope: all, for admins and the operator's SREs).
 */
public final class MailQuarantine {
  private static final String COLUMNS =
      "id, received_at, sender, subject, reason, organization_id, released_at, released_by,"
          + " outcome";

  private final Database db;

  public MailQuarantine(Database db) {
    this.db = db;
  }

  public record Item(
      String id,
      Instant receivedAt,
      String sender,
      String subject,
      String reason,
      String organizationId,
      Instant releasedAt,
      String releasedBy,
      String outcome) {}

  /** Keeps the mail; false when a mail with this id is kept already. */
  public boolean add(
      String id, Instant at, String sender, String subject, String reason, String org, byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\u0000", "");
    return db.inTransaction(
        s -> {
          int[] n = new int[1];
          s.doWork(
              c -> {
                if (Sql.query(c, "select 1 from mail_quarantine where id = ?", rs -> 1, id)
                    .isEmpty()) {
                  n[0] =
                      Sql.update(
                          c,
                          "insert into mail_quarantine (id, received_at, sender, subject, reason,"
                              + " raw, organization_id) values (?,?,?,?,?,?,?)",
                          id,
                          at,
                          cut(sender, 320),
                          cut(subject, 1000),
                          cut(reason, 1000),
                          text,
                          org);
                }
              });
          return n[0] == 1;
        });
  }

  /** Newest first. */
  public Page<Item> list(String scope, int limit, String cursor) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from mail_quarantine where 1=1");
    List<Object> p = new ArrayList<>();
    if (scope != null) {
      sql.append(" and organization_id = ?");
      p.add(scope);
    }
    PageCursor after = PageCursor.decode(cursor);
    if (after != null) {
      sql.append(" and (received_at < ? or (received_at = ? and id < ?))");
      p.add(after.at());
      p.add(after.at());
      p.add(after.id());
    }
    sql.append(" order by received_at desc, id desc fetch first ")
        .append(limit + 1)
        .append(" rows only");
    List<Item> rows = Sql.query(db, sql.toString(), MailQuarantine::row, p.toArray());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Item last = rows.get(limit - 1);
      next = new PageCursor(last.receivedAt(), last.id()).encode();
    }
    return new Page<>(List.copyOf(rows), next);
  }

  public Optional<Item> find(String id, String scope) {
    String where = scope == null ? "" : " and organization_id = ?";
    Object[] params = scope == null ? new Object[] {id} : new Object[] {id, scope};
    return Sql.query(
            db,
            "select " + COLUMNS + " from mail_quarantine where id = ?" + where,
            MailQuarantine::row,
            params)
        .stream()
        .findFirst();
  }

  /** The bytes of the mail as they arrived. */
  public Optional<byte[]> raw(String id) {
    return Sql.query(
            db,
            "select raw from mail_quarantine where id = ?",
            rs -> rs.getString(1).getBytes(StandardCharsets.ISO_8859_1),
            id)
        .stream()
        .findFirst();
  }

  public void released(String id, String by, String outcome, Instant at) {
    Sql.update(
        db,
        "update mail_quarantine set released_at = ?, released_by = ?, outcome = ? where id = ?",
        at,
        cut(by, 200),
        cut(outcome, 1000),
        id);
  }

  private static Item row(ResultSet rs) throws SQLException {
    return new Item(
        rs.getString("id"),
        Sql.instant(rs, "received_at"),
        rs.getString("sender"),
        rs.getString("subject"),
        rs.getString("reason"),
        rs.getString("organization_id"),
        Sql.instant(rs, "released_at"),
        rs.getString("released_by"),
        rs.getString("outcome"));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
