package io.opsflow.ticket.mail;

import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer;
import io.opsflow.ticket.model.TicketMails;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The polite "no" to mail opsflow will not take: one reply, in the sender's thread, with a
 * Message-ID derived from theirs (a retry after a crash is the same mail to their mail program),
 * and at most one a day per address, so a stranger's mail loop or a spoofed sender cannot turn
 * opsflow into a mail cannon. Each refusal is on the audit trail.
 */
final class Refusals {
  static final String REFUSED = "mail.refused";
  static final String QUIET = "mail.refused.quiet";
  private static final Duration ONCE_PER = Duration.ofDays(1);

  private final Optional<Mailer> mailer;
  private final MailRecords records;
  private final String domain;
  private final Clock clock;

  Refusals(Optional<Mailer> mailer, MailRecords records, String domain, Clock clock) {
    this.mailer = mailer;
    this.records = records;
    this.domain = domain;
    this.clock = clock;
  }

  /**
   * Answers the mail with a refusal.
   *
   * @return the outcome; {@link MailOutcome.Kind#RETRY} when the SMTP server should be tried again
   */
  MailOutcome refuse(InboundMail m, String why) {
    String detail = cut("<" + m.key() + "> " + why);
    if (records.auditedSince(REFUSED, m.from(), clock.instant().minus(ONCE_PER))) {
      records.audit(null, QUIET, m.from(), cut(detail + "; answered within a day already"), now());
      return MailOutcome.refused("not answered again within a day: " + why);
    }
    if (mailer.isEmpty()) {
      records.audit(
          null, REFUSED, m.from(), cut(detail + "; reply not sent: mail not configured"), now());
      return MailOutcome.refused(why + "; reply not sent: mail not configured");
    }
    try {
      mailer.get().send(mail(m, why));
    } catch (EffectFailure f) {
      if (f.retryable()) {
        return MailOutcome.retry("refusal to " + m.from() + " not sent yet: " + f.reason());
      }
      records.audit(null, REFUSED, m.from(), cut(detail + "; reply failed: " + f.reason()), now());
      return MailOutcome.refused(why + "; reply failed: " + f.reason());
    }
    records.audit(null, REFUSED, m.from(), cut(detail + "; reply sent"), now());
    return MailOutcome.refused(why + "; reply sent");
  }

  private Mailer.Mail mail(InboundMail m, String why) {
    String subject = m.subject().isBlank() ? "Your mail" : m.subject();
    if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
      subject = "Re: " + subject;
    }
    String text =
        "Hello,\n\nthank you for your mail. We could not open a support ticket for it: "
            + why
            + ".\n\nIf you are a customer of ours, please write from the address registered with"
            + " our support service, or ask your organization's administrator to add this"
            + " address. This is an automatic reply; answering it reaches no one.\n\n-- \nopsflow"
            + " support\n";
    String html =
        "<!doctype html><html><body><p>Hello,</p><p>thank you for your mail. We could not open"
            + " a support ticket for it: "
            + TicketMails.escape(why)
            + ".</p><p>If you are a customer of ours, please write from the address registered"
            + " with our support service, or ask your organization's administrator to add this"
            + " address. This is an automatic reply; answering it reaches no one.</p>"
            + "<p style=\"color:#555\">opsflow support</p></body></html>";
    String id = "refusal." + InboundMail.digest(m.key()) + "@" + domain;
    String parent =
        m.messageId() != null && m.messageId().matches("[^\\s<>\\p{Cntrl}]+@[^\\s<>\\p{Cntrl}]+")
            ? m.messageId()
            : null;
    return new Mailer.Mail(
        List.of(m.from()),
        subject,
        text,
        html,
        id,
        parent,
        parent == null ? List.of() : List.of(parent));
  }

  private java.time.Instant now() {
    return clock.instant();
  }

  private static String cut(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
