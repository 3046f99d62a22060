package io.opsflow.ticket.mail;

/** A mail that cannot become a ticket command as it is; the message says why. */
final class UnparseableMail extends Exception {
  UnparseableMail(String reason) {
    super(reason);
  }
}
