package io.opsflow.notify.model;

import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.incident.model.Incident;
import io.opsflow.notify.model.Effect.Person;

/** The mail a person gets when paged: its subject, and its text and HTML bodies. */
final class PageMails {
  private final IncidentMessages messages;

  PageMails(IncidentMessages messages) {
    this.messages = messages;
  }

  String mailSubject(Incident i) {
    return "[opsflow] " + IncidentMessages.label(i) + " " + i.title();
  }

  String pageMailText(Incident i, EscalationPlan.Step step, Person p) {
    return "Hello "
        + p.name()
        + ",\n\n"
        + messages.page(i, step)
        + ".\n\nIncident: "
        + i.id()
        + "\nSeverity: "
        + i.severity()
        + "\nOpened: "
        + i.openedAt()
        + "\n\nAcknowledge in Slack, with `opsflow` or POST /api/v1/incidents/"
        + i.id()
        + "/acknowledge.\n";
  }

  String pageMailHtml(Incident i, EscalationPlan.Step step, Person p) {
    return "<!doctype html><html><body><p>Hello "
        + IncidentMessages.html(p.name())
        + ",</p><p><strong>"
        + IncidentMessages.html(messages.page(i, step))
        + "</strong></p><table><tr><th align=\"left\">Incident</th><td>"
        + IncidentMessages.html(i.id())
        + "</td></tr><tr><th align=\"left\">Severity</th><td>"
        + IncidentMessages.html(String.valueOf(i.severity()))
        + "</td></tr><tr><th align=\"left\">Opened</th><td>"
        + IncidentMessages.html(i.openedAt().toString())
        + "</td></tr></table><p>Acknowledge in Slack, with <code>opsflow</code> or"
        + " <code>POST /api/v1/incidents/"
        + IncidentMessages.html(i.id())
        + "/acknowledge</code>.</p></body></html>";
  }
}
