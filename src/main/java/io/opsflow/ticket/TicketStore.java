package io.opsflow.ticket;

import io.opsflow.db.Audit;
import io.opsflow.db.Sql;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ticket rows and what hangs from them, written inside the caller's transaction. */
public final class TicketStore {
  public static final String COLUMNS =
      "id, reference, organization_id, subject, description, priority, status, source,"
          + " requester_id, requester_email, assignee_id, created_at, updated_at, customer_at,"
          + " resolved_at, closed_at, version";

  private final Connection c;

  public TicketStore(Connection c) {
    this.c = c;
  }

  public Optional<Ticket> find(String id) throws SQLException {
    return Sql.query(c, "select " + COLUMNS + " from ticket where id = ?", TicketStore::row, id)
        .stream()
        .findFirst();
  }

  public void insert(Ticket t) throws SQLException {
    Sql.update(
        c,
        "insert into ticket (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
  public void update(Ticket t) throws SQLException {
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

  public void timeline(String ticketId, Instant at, String kind, String actor, String message)
      throws SQLException {
    Sql.update(
        c,
        "insert into ticket_timeline (ticket_id, at, kind, actor, message) values (?,?,?,?,?)",
        ticketId,
        at,
        kind,
        actor,
        message.length() > 4000 ? message.substring(0, 3997) + "..." : message);
  }

  public void comment(
      String id,
      String ticketId,
      String visibility,
      String author,
      String authorUserId,
      String authorRole,
      String body,
      String via,
      Instant at)
      throws SQLException {
    Sql.update(
        c,
        "insert into ticket_comment (id, ticket_id, visibility, author, author_user_id,"
            + " author_role, body, via, created_at) values (?,?,?,?,?,?,?,?,?)",
        id,
        ticketId,
        visibility,
        author,
        authorUserId,
        authorRole,
        body,
        via,
        at);
  }

  public boolean commentExists(String id) throws SQLException {
    return !Sql.query(c, "select id from ticket_comment where id = ?", rs -> 1, id).isEmpty();
  }

  public void attach(String ticketId, String commentId, Attachment a, Instant at)
      throws SQLException {
    Sql.update(
        c,
        "insert into ticket_attachment (id, ticket_id, comment_id, filename, media_type,"
            + " size_bytes, content_b64, created_at) values (?,?,?,?,?,?,?,?)",
        UUID.randomUUID().toString(),
        ticketId,
        commentId,
        a.filename(),
        a.mediaType(),
        a.size(),
        a.content(),
        at);
  }

  public void watch(String ticketId, String email) throws SQLException {
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

  public List<String> watchers(String ticketId) throws SQLException {
    return Sql.query(
        c,
        "select email from ticket_watcher where ticket_id = ? order by email",
        rs -> rs.getString(1),
        ticketId);
  }

  /** Links the ticket to the incident; false when they were linked already. */
  public boolean link(String ticketId, String incidentId, String actor, Instant at)
      throws SQLException {
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
  public boolean linked(String ticketId) throws SQLException {
    return !Sql.query(
            c,
            "select 1 from ticket_incident_link where ticket_id = ? fetch first 1 rows only",
            rs -> 1,
            ticketId)
        .isEmpty();
  }

  /** The ticket already opened for this incident in this organization, if any. */
  public Optional<String> ticketOfIncident(String incidentId, String organizationId)
      throws SQLException {
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

  public void audit(
      Instant at, String actor, String org, String action, String subject, String detail)
      throws SQLException {
    Audit.record(c, at, actor, org, action, subject, detail);
  }

  public static Ticket row(ResultSet rs) throws SQLException {
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
