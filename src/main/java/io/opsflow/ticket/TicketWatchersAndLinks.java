package io.opsflow.ticket;

import io.opsflow.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who watches a ticket and which incidents it is linked to. */
final class TicketWatchersAndLinks {
  private final Connection c;

  TicketWatchersAndLinks(Connection c) {
    this.c = c;
  }

  void watch(String ticketId, String email) throws SQLException {
    String e = email.trim().toLowerCase(java.util.Locale.ROOT);
    if (Sql.query(
            c,
            "select email from ticket_watcher where ticket_id = ? and email = ?",
            rs -> 1,
            ticketId,
            e)
        .isEmpty()) {
      Sql.update(c, "insert into ticket_watcher (ticket_id, email) values (?,?)", ticketId, e);
    }
  }

  List<String> watchers(String ticketId) throws SQLException {
    return Sql.query(
        c,
        "select email from ticket_watcher where ticket_id = ? order by email",
        rs -> rs.getString(1),
        ticketId);
  }

  /** Links the ticket to the incident; false when they were linked already. */
  boolean link(String ticketId, String incidentId, String actor, Instant at) throws SQLException {
    if (!Sql.query(
            c,
            "select 1 from ticket_incident_link where ticket_id = ? and incident_id = ?",
            rs -> 1,
            ticketId,
            incidentId)
        .isEmpty()) {
      return false;
    }
    Sql.update(
        c,
        "insert into ticket_incident_link (ticket_id, incident_id, actor, created_at)"
            + " values (?,?,?,?)",
        ticketId,
        incidentId,
        actor,
        at);
    return true;
  }

  /** Whether the ticket is linked to any incident. */
  boolean linked(String ticketId) throws SQLException {
    return !Sql.query(
            c,
            "select 1 from ticket_incident_link where ticket_id = ? fetch first 1 rows only",
            rs -> 1,
            ticketId)
        .isEmpty();
  }

  /** The ticket already opened for this incident in this organization, if any. */
  Optional<String> ticketOfIncident(String incidentId, String organizationId) throws SQLException {
    return Sql.query(
            c,
            "select l.ticket_id from ticket_incident_link l join ticket t on t.id = l.ticket_id"
                + " where l.incident_id = ? and t.organization_id = ?",
            rs -> rs.getString(1),
            incidentId,
            organizationId)
        .stream()
        .findFirst();
  }
}
