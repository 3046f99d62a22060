package io.opsflow.ticket;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.ticket.TicketQueries.AttachmentInfo;
import io.opsflow.ticket.TicketQueries.Comment;
import io.opsflow.ticket.TicketQueries.Detail;
import io.opsflow.ticket.TicketQueries.Line;
import io.opsflow.ticket.model.Ticket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** What a ticket's page shows, read in one connection: comments, files, timeline, links. */
final class TicketDetails {
  private TicketDetails() {}

  /** Empty when the scope may not see it; customers ({@code staff} false) see public parts only. */
  static Optional<Detail> read(Connection c, String id, String scope, boolean staff)
      throws SQLException {
    Optional<Ticket> t = new TicketStore(c).find(id);
    if (t.isEmpty() || (scope != null && !scope.equals(t.get().organizationId()))) {
      return Optional.empty();
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
    return Optional.of(
        new Detail(
            t.get(),
            comments,
            files,
            new TicketStore(c).watchers(id),
            incidents,
            lines,
            List.of(),
            assignee));
  }

  /**
   * An attachment's bytes (base64) if the scope may see its ticket and, for customers, its comment.
   */
  static Optional<String[]> attachment(
      Database db, String ticketId, String attachmentId, String scope, boolean staff) {
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
}
