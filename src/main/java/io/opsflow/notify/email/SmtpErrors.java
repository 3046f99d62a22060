package io.opsflow.notify.email;

import io.opsflow.notify.model.EffectFailure;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Maps Jakarta Mail's exceptions to {@link EffectFailure}: refused credentials and 5xx replies are
 * permanent, 4xx replies and network trouble are worth another try.
 */
final class SmtpErrors {
  private SmtpErrors() {}

  static EffectFailure map(MessagingException e, SmtpSettings settings) {
    if (e instanceof AuthenticationFailedException) {
      return EffectFailure.permanent(
          "smtp_auth",
          "SMTP server refused the credentials of "
              + settings.user().orElse("(no user)")
              + " at "
              + where(settings)
              + ".");
    }
    List<Integer> codes = returnCodes(e);
    String invalid =
        e instanceof SendFailedException sfe ? addresses(sfe.getInvalidAddresses()) : "";
    String reply = firstLine(deepest(e).getMessage());
    if (codes.stream().anyMatch(c -> c >= 500)) {
      String code = "smtp_" + codes.stream().filter(c -> c >= 500).findFirst().orElseThrow();
      String who = invalid.isEmpty() ? "" : " for " + invalid;
      return EffectFailure.permanent(
          code, "SMTP server " + where(settings) + " rejected the mail" + who + ": " + reply);
    }
    if (codes.stream().anyMatch(c -> c >= 400)) {
      String code = "smtp_" + codes.get(0);
      return EffectFailure.retry(
          code, "SMTP server " + where(settings) + " deferred the mail: " + reply, e);
    }
    if (!invalid.isEmpty()) {
      return EffectFailure.permanent(
          "invalid_address", "SMTP server rejected the addresses " + invalid + ": " + reply);
    }
    String what = hasIoCause(e) ? "Could not talk to the SMTP server " : "Sending via ";
    return EffectFailure.retry(
        hasIoCause(e) ? "smtp_io" : "smtp_error",
        what + where(settings) + ": " + firstLine(e.getMessage()),
        e);
  }

  /** The SMTP reply codes in the exception and its chain of next exceptions. */
  private static List<Integer> returnCodes(MessagingException e) {
    List<Integer> codes = new ArrayList<>();
    for (Exception x = e; x != null; ) {
      int rc = -1;
      if (x instanceof SMTPSendFailedException s) {
        rc = s.getReturnCode();
      } else if (x instanceof SMTPAddressFailedException a) {
        rc = a.getReturnCode();
      } else if (x instanceof SMTPSenderFailedException s) {
        rc = s.getReturnCode();
      }
      if (rc > 0) {
        codes.add(rc);
      }
      x = x instanceof MessagingException m ? m.getNextException() : null;
    }
    return codes;
  }

  private static Exception deepest(MessagingException e) {
    Exception x = e;
    while (x instanceof MessagingException m
        && m.getNextException() instanceof MessagingException) {
      x = m.getNextException();
    }
    return x;
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String where(SmtpSettings s) {
    return s.host() + ":" + s.port();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    String line = s.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "no message" : line;
  }
}
