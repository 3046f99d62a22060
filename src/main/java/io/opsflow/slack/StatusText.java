package io.opsflow.slack;

import io.opsflow.incident.IncidentQueries;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.model.SlaStatus;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.model.Ticket;
import java.util.List;

/** Where an incident or a ticket stands, as a few lines of Slack text. */
final class StatusText {
  private final java.util.function.Supplier<String> publicUrl;

  StatusText(java.util.function.Supplier<String> publicUrl) {
    this.publicUrl = publicUrl;
  }

  String incident(IncidentQueries.Detail d) {
    Incident i = d.incident();
    StringBuilder b = new StringBuilder();
    b.append("*Incident ")
        .append(SlackText.shortId(i.id()))
        .append("* · ")
        .append(SlackText.escape(i.title()))
        .append("\nStatus: ")
        .append(i.status().wireName());
    String by = i.resolvedBy() != null ? i.resolvedBy() : i.acknowledgedBy();
    if (by != null) {
      b.append(" (by ").append(SlackText.escape(by)).append(')');
    }
    b.append(" · Priority: ")
        .append(i.priority() == null ? "not triaged yet" : i.priority())
        .append(" · Organization: ")
        .append(i.organizationId());
    List<TimelineEntry> t = d.timeline();
    if (!t.isEmpty()) {
      TimelineEntry last = t.get(t.size() - 1);
      b.append("\nLast update: ")
          .append(SlackText.at(last.at()))
          .append(": ")
          .append(SlackText.escape(last.message()));
    }
    sla(b, d.sla());
    b.append("\nId: ").append(i.id());
    return b.toString();
  }

  String ticket(TicketQueries.Detail d, boolean staff) {
    Ticket t = d.ticket();
    StringBuilder b = new StringBuilder();
    b.append("*Ticket ")
        .append(t.reference())
        .append("* · ")
        .append(SlackText.escape(t.subject()))
        .append("\nStatus: ")
        .append(t.status().wire())
        .append(" · Priority: ")
        .append(t.priority())
        .append(" · Organization: ")
        .append(t.organizationId())
        .append("\nAssignee: ")
        .append(d.assigneeName() == null ? "nobody yet" : SlackText.escape(d.assigneeName()))
        .append(" · Last update: ")
        .append(SlackText.at(t.updatedAt()));
    sla(b, d.sla());
    b.append('\n').append(ticketLink(t.id(), staff));
    return b.toString();
  }

  /** The ticket's page: the console for SREs, the portal for customers. */
  String ticketLink(String ticketId, boolean staff) {
    return publicUrl.get() + (staff ? "/console/tickets/" : "/portal/tickets/") + ticketId;
  }

  private static void sla(StringBuilder b, List<SlaClocks.Shown> clocks) {
    for (SlaClocks.Shown c : clocks) {
      b.append("\nSLA ").append(c.row().kind()).append(": ").append(clock(c.status()));
    }
  }

  static String clock(SlaStatus s) {
    if (s.stoppedAt().isPresent()) {
      return (s.met() ? "met" : "missed") + " (stopped " + SlackText.at(s.stoppedAt().get()) + ")";
    }
    String left = SlackText.duration(s.remainingBusinessTime());
    if (s.breached()) {
      return "breached: was due " + SlackText.at(s.due()) + " (" + left + " over)";
    }
    if (s.paused()) {
      return "paused, " + left + " of business time left";
    }
    return "due " + SlackText.at(s.due()) + " (" + left + " of business time left)";
  }
}
