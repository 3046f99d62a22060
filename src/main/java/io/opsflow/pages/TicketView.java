package io.opsflow.pages;

import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.model.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The parts of a ticket page the portal and the console both show. */
final class TicketView {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TicketView() {}

  static Html time(Instant at) {
    return at == null
        ? Html.text("—")
        : Html.of("<time datetime=\"{}\">{}</time>", at.toString(), SHOWN.format(at));
  }

  static Html status(Ticket t) {
    return Html.of("<span class=\"status status-{}\">{}</span>", t.status().wire(), label(t));
  }

  static String label(Ticket t) {
    return t.status().wire().replace('-', ' ');
  }

  /** Reference, status, priority, assignee and dates, as a description list. */
  static Html facts(TicketQueries.Detail d, Html more) {
    Ticket t = d.ticket();
    return Html.of(
        "<dl class=\"facts\"><dt>Reference</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd>"
            + "<dt>Priority</dt><dd>{}</dd><dt>Assigned to</dt><dd>{}</dd>"
            + "<dt>Opened</dt><dd>{}</dd><dt>Updated</dt><dd>{}</dd>{}</dl>",
        t.reference(),
        status(t),
        t.priority(),
        d.assigneeName() == null ? "nobody yet" : d.assigneeName(),
        time(t.createdAt()),
        time(t.updatedAt()),
        more);
  }

  /** {@code 1d 2h 5m}; negative as {@code 20m over}. */
  static String duration(Duration d) {
    boolean over = d.isNegative();
    Duration a = d.abs();
    StringBuilder s = new StringBuilder();
    if (a.toDays() > 0) {
      s.append(a.toDays()).append("d ");
    }
    if (a.toHoursPart() > 0) {
      s.append(a.toHoursPart()).append("h ");
    }
    s.append(a.toMinutesPart()).append('m');
    return over ? s + " over" : s.toString();
  }

  /** The conversation: public comments, and for staff the internal notes, clearly marked. */
  static Html comments(TicketQueries.Detail d, String area) {
    if (d.comments().isEmpty()) {
      return Html.of("<p>No comments yet.</p>");
    }
    List<Html> items = new ArrayList<>();
    for (TicketQueries.Comment c : d.comments()) {
      boolean note = "internal".equals(c.visibility());
      items.add(
          Html.of(
              "<li class=\"{}\"><article aria-label=\"{}\"><header>{}<strong>{}</strong>"
                  + " <span class=\"role\">({})</span> · {} · via {}</header>"
                  + "<div class=\"body\">{}</div>{}</article></li>",
              note ? "comment internal" : "comment",
              (note ? "Internal note by " : "Comment by ") + c.author(),
              Html.when(
                  note,
                  Html.of(
                      "<span class=\"badge\">Internal note, not shown to the customer</span> ")),
              c.author(),
              c.authorRole(),
              time(c.at()),
              c.via(),
              c.body(),
              files(d, c.id(), area)));
    }
    return Html.of("<ol class=\"comments\">{}</ol>", Html.join(items));
  }

  /** Links to the files of one comment ({@code null}: of the ticket itself). */
  static Html files(TicketQueries.Detail d, String commentId, String area) {
    List<Html> links = new ArrayList<>();
    for (TicketQueries.AttachmentInfo a : d.attachments()) {
      if (java.util.Objects.equals(a.commentId(), commentId)) {
        links.add(
            Html.of(
                "<li><a href=\"{}/tickets/{}/attachments/{}\">{}</a> ({} bytes)</li>",
                area,
                d.ticket().id(),
                a.id(),
                a.filename(),
                a.size()));
      }
    }
    return links.isEmpty()
        ? Html.EMPTY
        : Html.of("<ul class=\"files\" aria-label=\"Attached files\">{}</ul>", Html.join(links));
  }
}
