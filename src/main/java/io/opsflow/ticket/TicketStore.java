package io.opsflow.ticket;

import io.opsflow.db.Audit;
import io.opsflow.db.Sql;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
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
  private final TicketWatchersAndLinks links;

  public TicketStore(Connection c) {
    this.c = c;
    this.links = new TicketWatchersAndLinks(c);
  }

  public Optional<Ticket> find(String id) throws SQLException {
    return Sql.query(c, "select " + COLUMNS + " from ticket where id = ?", TicketStore::row, id)
        .stream()
        .findFirst();
  }

  public void insert(Ticket t) throws SQLException {
    TicketRows.insert(c, t);
  }

  /** Writes the ticket's new state over the version it was read at; refuses a lost update. */
  public void update(Ticket t) throws SQLException {
    TicketRows.update(c, t);
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
    links.watch(ticketId, email);
  }

  public List<String> watchers(String ticketId) throws SQLException {
    return links.watchers(ticketId);
  }

  /** Links the ticket to the incident; false when they were linked already. */
  public boolean link(String ticketId, String incidentId, String actor, Instant at)
      throws SQLException {
    return links.link(ticketId, incidentId, actor, at);
  }

  /** Whether the ticket is linked to any incident. */
  public boolean linked(String ticketId) throws SQLException {
    return links.linked(ticketId);
  }

  /** The ticket already opened for this incident in this organization, if any. */
  public Optional<String> ticketOfIncident(String incidentId, String organizationId)
      throws SQLException {
    return links.ticketOfIncident(incidentId, organizationId);
  }

  public void audit(
      Instant at, String actor, String org, String action, String subject, String detail)
      throws SQLException {
    Audit.record(c, at, actor, org, action, subject, detail);
  }

  public static Ticket row(ResultSet rs) throws SQLException {
    return TicketRows.row(rs);
  }
}
