package io.opsflow.ticket.mail;

import java.util.Locale;

/**
 * Who opsflow is in mail: the address it sends from ({@code OPSFLOW_MAIL_FROM}, bare, lower case)
 * and the domain of the Message-IDs it mints. Mail from either is our own, come back.
 */
public record MailIdentity(String address, String domain) {
  public MailIdentity {
    address = address.trim().toLowerCase(Locale.ROOT);
    domain = domain.trim().toLowerCase(Locale.ROOT);
  }

  /** From {@code OPSFLOW_MAIL_FROM}, which may carry a display name: {@code Support <s@x.org>}. */
  public static MailIdentity of(String mailFrom, String domain) {
    String a = mailFrom.trim();
    int lt = a.lastIndexOf('<');
    int gt = a.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
      a = a.substring(lt + 1, gt);
    }
    return new MailIdentity(a, domain);
  }
}
