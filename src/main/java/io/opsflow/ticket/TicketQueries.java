package io.opsflow.ticket;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.Sql;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of tickets for the API, portal and console, always scoped to the caller's organization
 * ({@code null} scope = every organization). Customers never see internal notes or the internal
 * part of the timeline. Lists page by keyset, newest first.
 */
public final class TicketQueries implements TicketReads {
  private final Database db;
  private final SlaClocks clocks;

  public TicketQueries(Database db, SlaClocks clocks) {
    this.db = db;
    this.clocks = clocks;
  }

  /** Filters of the ticket list; nulls match everything. */
  public record Filter(
      String organizationId,
      TicketStatus status,
      String priority,
      String assigneeId,
      String requesterEmail,
      Boolean open,
      String text) {
    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  public record Comment(
      String id,
      String visibility,
      String author,
      String authorRole,
      String body,
      String via,
      Instant at) {}

  public record AttachmentInfo(
      String id, String commentId, String filename, String mediaType, int size, Instant at) {}

  public record Line(long id, Instant at, String kind, String actor, String message) {}

  public record Detail(
      Ticket ticket,
      List<Comment> comments,
      List<AttachmentInfo> attachments,
      List<String> watchers,
      List<String> incidents,
      List<Line> timeline,
      List<SlaClocks.Shown> sla,
      String assigneeName) {}

  public Page<Ticket> list(String scope, Filter f, int limit, String cursor) {
    return TicketList.read(db, scope, f, limit, cursor);
  }

  /** The ticket if the scope may see it; customers ({@code staff} false) see public parts only. */
  public Optional<Detail> detail(String id, String scope, boolean staff) {
    return db.inTransaction(
        s -> {
          List<Detail> out = new ArrayList<>();
          s.doWork(c -> TicketDetails.read(c, id, scope, staff).ifPresent(out::add));
          if (out.isEmpty()) {
            return Optional.<Detail>empty();
          }
          Detail d = out.get(0);
          List<SlaClocks.Shown> sla =
              clocks == null ? List.of() : clocks.statuses(s, id, Instant.now());
          return Optional.of(
              new Detail(
                  d.ticket(),
                  d.comments(),
                  d.attachments(),
                  d.watchers(),
                  d.incidents(),
                  d.timeline(),
                  sla,
                  d.assigneeName()));
        });
  }

  /**
   * An attachment's bytes (base64) if the scope may see its ticket and, for customers, its comment.
   */
  public Optional<String[]> attachment(
      String ticketId, String attachmentId, String scope, boolean staff) {
    return TicketDetails.attachment(db, ticketId, attachmentId, scope, staff);
  }

  /** Does the scope see this ticket? The edge checks it before it accepts a command. */
  public Optional<Ticket> find(String id, String scope) {
    return Sql.query(
            db, "select " + TicketStore.COLUMNS + " from ticket where id = ?", TicketStore::row, id)
        .stream()
        .filter(t -> scope == null || scope.equals(t.organizationId()))
        .findFirst();
  }

  /** Is {@code incidentId} an incident of {@code organizationId}? Checked before linking. */
  public boolean incidentOf(String incidentId, String organizationId) {
    return !Sql.query(
            db,
            "select id from incident where id = ? and organization_id = ?",
            rs -> rs.getString(1),
            incidentId,
            organizationId)
        .isEmpty();
  }

  /** The ticket whose reference ({@code T-1A2B3C4D}) or id this is. */
  public Optional<Ticket> byReference(String ref, String scope) {
    String r = ref.trim().toUpperCase(java.util.Locale.ROOT);
    return Sql.query(
            db,
            "select " + TicketStore.COLUMNS + " from ticket where reference = ? or id = ?",
            TicketStore::row,
            r,
            ref.trim())
        .stream()
        .filter(t -> scope == null || scope.equals(t.organizationId()))
        .findFirst();
  }

  /** The addresses watching a ticket. */
  public List<String> watchers(String ticketId) {
    return Sql.query(
        db,
        "select email from ticket_watcher where ticket_id = ?",
        rs -> rs.getString(1),
        ticketId);
  }
}
