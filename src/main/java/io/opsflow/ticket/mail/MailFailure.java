package io.opsflow.ticket.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Why a mailbox could not be read, in words an operator acts on, without exception text. */
final class MailFailure {
  private MailFailure() {}

  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationFailedException) {
        return "the server refused the login";
      }
      if (t instanceof FolderNotFoundException) {
        return "the folder does not exist";
      }
      if (t instanceof UnknownHostException) {
        return "the host name does not resolve";
      }
      if (t instanceof ConnectException) {
        return "the server refused the connection";
      }
      if (t instanceof SocketTimeoutException) {
        return "the server did not answer in time";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "the mailbox could not be read";
  }
}
