package io.opsflow.ticket.mail;

/**
 * What became of one inbound mail. Every kind but {@link Kind#RETRY} is final: the mail is marked
 * processed. {@code ticketId} is set for a comment or a new ticket, {@code detail} says why.
 */
public record MailOutcome(Kind kind, String ticketId, String detail) {

  public enum Kind {
    OPENED,
    COMMENTED,
    DROPPED,
    REFUSED,
    QUARANTINED,
    /** Not done: the ticket command was not acknowledged, or the refusal not sent; try later. */
    RETRY;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean done() {
    return kind != Kind.RETRY;
  }

  static MailOutcome opened(String ticketId, String detail) {
    return new MailOutcome(Kind.OPENED, ticketId, detail);
  }

  static MailOutcome commented(String ticketId, String detail) {
    return new MailOutcome(Kind.COMMENTED, ticketId, detail);
  }

  static MailOutcome dropped(String ticketId, String detail) {
    return new MailOutcome(Kind.DROPPED, ticketId, detail);
  }

  static MailOutcome refused(String detail) {
    return new MailOutcome(Kind.REFUSED, null, detail);
  }

  static MailOutcome quarantined(String id, String detail) {
    return new MailOutcome(Kind.QUARANTINED, null, detail + " (quarantine " + id + ")");
  }

  static MailOutcome retry(String detail) {
    return new MailOutcome(Kind.RETRY, null, detail);
  }
}
