package io.opsflow.ticket;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
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
    StringBuilder sql =
        new StringBuilder("select " + TicketStore.COLUMNS + " from ticket where 1=1");
    List<Object> p = new ArrayList<>();
    if (scope != null) {
      sql.append(" and organization_id = ?");
      p.add(scope);
    }
    if (f.organizationId() != null) {
      sql.append(" and organization_id = ?");
      p.add(f.organizationId());
    }
    if (f.status() != null) {
      sql.append(" and status = ?");
      p.add(f.status().wire());
    }
    if (Boolean.TRUE.equals(f.open())) {
      sql.append(" and status not in ('resolved', 'closed')");
    }
    if (f.priority() != null) {
      sql.append(" and priority = ?");
      p.add(f.priority());
    }
    if (f.assigneeId() != null) {
      if (f.assigneeId().equals("none")) {
        sql.append(" and assignee_id is null");
      } else {
        sql.append(" and assignee_id = ?");
        p.add(f.assigneeId());
      }
    }
    if (f.requesterEmail() != null) {
      sql.append(" and lower(requester_email) = ?");
      p.add(f.requesterEmail().toLowerCase(java.util.Locale.ROOT));
    }
    if (f.text() != null && !f.text().isBlank()) {
      sql.append(" and (lower(subject) like ? or reference = ?)");
      p.add("%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
      p.add(f.text().trim().toUpperCase(java.util.Locale.ROOT));
    }
    PageCursor after = PageCursor.decode(cursor);
    if (after != null) {
      sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
      p.add(after.at());
      p.add(after.at());
      p.add(after.id());
    }
    sql.append(" order by created_at desc, id desc fetch first ")
        .append(limit + 1)
        .append(" rows only");
    List<Ticket> rows = Sql.query(db, sql.toString(), TicketStore::row, p.toArray());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Ticket last = rows.get(limit - 1);
      next = new PageCursor(last.createdAt(), last.id()).encode();
    }
    return new Page<>(List.copyOf(rows), next);
  }

  /** The ticket if the scope may see it; customers ({@code staff} false) see public parts only. */
  public Optional<Detail> detail(String id, String scope, boolean staff) {
    return db.inTransaction(
        s -> {
          List<Detail> out = new ArrayList<>();
          s.doWork(
              c -> {
                Optional<Ticket> t = new TicketStore(c).find(id);
                if (t.isEmpty() || (scope != null && !scope.equals(t.get().organizationId()))) {
                  return;
                }
                String vis = staff ? "" : " and visibility = 'public'";
                List<Comment> comments =
                    Sql.query(
                        c,
                        "select id, visibility, author, author_role, body, via, created_at from"
                            + " ticket_comment where ticket_id = ?"
                            + vis
                            + " order by created_at, id",
                        rs ->
                            new Comment(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                Sql.instant(rs, "created_at")),
                        id);
                List<String> visible = comments.stream().map(Comment::id).toList();
                List<AttachmentInfo> files =
                    Sql.query(
                            c,
                            "select id, comment_id, filename, media_type, size_bytes, created_at"
                                + " from ticket_attachment where ticket_id = ? order by created_at, id",
                            rs ->
                                new AttachmentInfo(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    Sql.instant(rs, "created_at")),
                            id)
                        .stream()
                        .filter(a -> a.commentId() == null || visible.contains(a.commentId()))
                        .toList();
                String kinds = staff ? "" : " and kind in ('opened', 'comment', 'status', 'link')";
                List<Line> lines =
                    Sql.query(
                        c,
                        "select id, at, kind, actor, message from ticket_timeline where ticket_id = ?"
                            + kinds
                            + " order by id",
                        rs ->
                            new Line(
                                rs.getLong(1),
                                Sql.instant(rs, "at"),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)),
                        id);
                List<String> incidents =
                    Sql.query(
                        c,
                        "select incident_id from ticket_incident_link where ticket_id = ?"
                            + " order by created_at",
                        rs -> rs.getString(1),
                        id);
                String assignee =
                    t.get().assigneeId() == null
                        ? null
                        : Sql.query(
                                c,
                                "select name from app_user where id = ?",
                                rs -> rs.getString(1),
                                t.get().assigneeId())
                            .stream()
                            .findFirst()
                            .orElse(null);
                out.add(
                    new Detail(
                        t.get(),
                        comments,
                        files,
                        new TicketStore(c).watchers(id),
                        incidents,
                        lines,
                        List.of(),
                        assignee));
              });
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
    return Sql.query(
            db,
            "select a.filename, a.media_type, a.content_b64, c.visibility, t.organization_id"
                + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
                + " left join ticket_comment c on c.id = a.comment_id"
                + " where a.id = ? and a.ticket_id = ?",
            rs ->
                new String[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)
                },
            attachmentId,
            ticketId)
        .stream()
        .filter(r -> scope == null || scope.equals(r[4]))
        .filter(r -> staff || r[3] == null || "public".equals(r[3]))
        .findFirst();
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
