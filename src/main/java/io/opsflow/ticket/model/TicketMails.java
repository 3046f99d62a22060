package io.opsflow.ticket.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * The mails a ticket sends: to the requester and watchers for every public update, to the assignee
 * when the customer writes. Plain text and HTML; every value from a person is escaped in the HTML.
 * The subject carries the ticket reference, so a reply finds its ticket even without headers.
 */
public final class TicketMails {
  private final Supplier<String> baseUrl;

  public TicketMails(String baseUrl) {
    this(() -> baseUrl);
  }

  /** The base URL asked for each mail: the HTTP port is known only once the server is bound. */
  public TicketMails(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  private String base() {
    String b = baseUrl.get();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  /** A mail to send: recipients, subject, text and HTML bodies. */
  public record Mail(List<String> to, String subject, String text, String html) {
    public Mail {
      to = List.copyOf(to);
    }
  }

  public static String subjectOf(Ticket t) {
    return "[opsflow " + t.reference() + "] " + t.subject();
  }

  public Mail opened(Ticket t, List<String> to) {
    String lead =
        "incident".equals(t.source())
            ? "We detected an incident that affects you. Ticket "
                + t.reference()
                + " tracks it, with priority "
                + t.priority()
                + "; we will keep it up to date."
            : "Your ticket "
                + t.reference()
                + " is open with priority "
                + t.priority()
                + ". We will answer within the SLA of that priority.";
    return mail(t, to, lead, t.description(), "portal");
  }

  public Mail publicComment(Ticket t, List<String> to, String author, String body) {
    return mail(t, to, author + " wrote:", body, "portal");
  }

  public Mail statusChanged(Ticket t, List<String> to, String line) {
    return mail(t, to, line, "", "portal");
  }

  /** Tells the assignee the customer wrote. */
  public Mail customerWrote(Ticket t, String to, String author, String body) {
    return mail(t, List.of(to), author + " (customer) wrote:", body, "console");
  }

  private Mail mail(Ticket t, List<String> to, String lead, String body, String site) {
    String link = base() + "/" + site + "/tickets/" + t.id();
    String footer =
        "Reply to this mail to add a comment to "
            + t.reference()
            + ", or open "
            + link
            + "\nStatus: "
            + t.status().wire()
            + " · Priority: "
            + t.priority();
    String text = lead + "\n\n" + (body.isBlank() ? "" : body + "\n\n") + "-- \n" + footer + "\n";
    String html =
        "<!doctype html><html><body><p>"
            + escape(lead)
            + "</p>"
            + (body.isBlank()
                ? ""
                : "<div style=\"white-space:pre-wrap;border-left:3px solid #ccc;padding-left:8px\">"
                    + escape(body)
                    + "</div>")
            + "<p style=\"color:#555\">Reply to this mail to add a comment to "
            + escape(t.reference())
            + ", or <a href=\""
            + escape(link)
            + "\">open the ticket</a>.<br>Status: "
            + escape(t.status().wire())
            + " · Priority: "
            + escape(t.priority())
            + "</p></body></html>";
    return new Mail(to, subjectOf(t), text, html);
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
