package io.opsflow.ticket.mail;

import java.time.Clock;

/** Puts a mail opsflow cannot process in the quarantine, once by its digest. */
final class MailQuarantining {
  private final MailQuarantine quarantine;
  private final Clock clock;

  MailQuarantining(MailQuarantine quarantine, Clock clock) {
    this.quarantine = quarantine;
    this.clock = clock;
  }

  /** A release that fails again is answered, not quarantined a second time. */
  MailOutcome quarantine(byte[] raw, InboundMail m, String org, String reason, boolean release) {
    if (release) {
      return new MailOutcome(MailOutcome.Kind.QUARANTINED, null, "still not processed: " + reason);
    }
    String id = MailCommands.id("quarantine:" + InboundMail.digest(raw));
    quarantine.add(
        id,
        clock.instant(),
        m == null ? null : m.from() != null ? m.from() : m.header("From"),
        m == null ? null : m.subject(),
        reason,
        org,
        raw);
    return MailOutcome.quarantined(id, reason);
  }
}
