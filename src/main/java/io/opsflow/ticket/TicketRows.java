package io.opsflow.ticket;

import io.opsflow.db.Sql;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A ticket's own row: written whole when it opens, its state written over its version after. */
final class TicketRows {
  private TicketRows() {}

  static void insert(Connection c, Ticket t) throws SQLException {
    Sql.update(
        c,
        "insert into ticket ("
            + TicketStore.COLUMNS
            + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        t.id(),
        t.reference(),
        t.organizationId(),
        t.subject(),
        t.description(),
        t.priority(),
        t.status().wire(),
        t.source(),
        t.requesterId(),
        t.requesterEmail(),
        t.assigneeId(),
        t.createdAt(),
        t.updatedAt(),
        Sql.at(t.customerAt()),
        Sql.at(t.resolvedAt()),
        Sql.at(t.closedAt()),
        t.version());
  }

  /** Writes the ticket's new state over the version it was read at; refuses a lost update. */
  static void update(Connection c, Ticket t) throws SQLException {
    int n =
        Sql.update(
            c,
            "update ticket set priority = ?, status = ?, assignee_id = ?, updated_at = ?,"
                + " customer_at = ?, resolved_at = ?, closed_at = ?, version = version + 1"
                + " where id = ? and version = ?",
            t.priority(),
            t.status().wire(),
            t.assigneeId(),
            t.updatedAt(),
            Sql.at(t.customerAt()),
            Sql.at(t.resolvedAt()),
            Sql.at(t.closedAt()),
            t.id(),
            t.version());
    if (n != 1) {
      throw new IllegalStateException("ticket " + t.id() + " changed concurrently");
    }
  }

  static Ticket row(ResultSet rs) throws SQLException {
    return new Ticket(
        rs.getString("id"),
        rs.getString("reference"),
        rs.getString("organization_id"),
        rs.getString("subject"),
        rs.getString("description"),
        rs.getString("priority"),
        TicketStatus.parse(rs.getString("status")).orElseThrow(),
        rs.getString("source"),
        rs.getString("requester_id"),
        rs.getString("requester_email"),
        rs.getString("assignee_id"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        Sql.instant(rs, "customer_at"),
        Sql.instant(rs, "resolved_at"),
        Sql.instant(rs, "closed_at"),
        rs.getLong("version"));
  }
}
