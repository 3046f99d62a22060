package io.opsflow.notify.email;

import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer.Mail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.util.Date;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A mail with the {@code Message-ID} we chose. Jakarta Mail replaces the id in {@code
 * saveChanges()} by calling {@link #updateMessageID()}; overriding it keeps ours, so a mail sent
 * again after a crash has the same id and mail programs show it once.
 */
final class ThreadedMessage extends MimeMessage {
  private static final Pattern ID = Pattern.compile("[^\\s<>\\p{Cntrl}]+@[^\\s<>\\p{Cntrl}]+");
  private static final String UTF_8 = "UTF-8";

  /** Marks every mail opsflow sends; its value is the sender's domain. */
  static final String LOOP_HEADER = "X-Opsflow-Loop";

  private final String messageId;

  private ThreadedMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", "<" + messageId + ">");
  }

  /** The whole mail: addresses, subject, text and HTML alternatives, threading headers. */
  static ThreadedMessage of(Session session, String from, Mail mail)
      throws EffectFailure, MessagingException {
    check("Message-ID", mail.messageId());
    ThreadedMessage m = new ThreadedMessage(session, mail.messageId());
    InternetAddress sender = address(from);
    m.setFrom(sender);
    // answers go to the support address, which inbound mail reads
    m.setReplyTo(new InternetAddress[] {sender});
    if (mail.to().isEmpty()) {
      throw EffectFailure.permanent("no_recipients", "The mail has no recipients.");
    }
    for (String to : mail.to()) {
      m.addRecipient(Message.RecipientType.TO, address(to));
    }
    m.setSubject(mail.subject() == null ? "" : mail.subject(), UTF_8);
    m.setSentDate(new Date());
    m.setContent(body(mail));
    if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
      check("In-Reply-To", mail.inReplyTo());
      m.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
    }
    if (!mail.references().isEmpty()) {
      for (String ref : mail.references()) {
        check("References", ref);
      }
      String refs =
          mail.references().stream().map(r -> "<" + r + ">").collect(Collectors.joining(" "));
      m.setHeader("References", MimeUtility.fold("References: ".length(), refs));
    }
    m.setHeader("Auto-Submitted", "auto-generated");
    // lets inbound mail recognise our own mail coming back (a loop through a forward)
    m.setHeader(LOOP_HEADER, domainOf(sender));
    return m;
  }

  private static MimeMultipart body(Mail mail) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text() == null ? "" : mail.text(), UTF_8, "plain");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html() == null ? "" : mail.html(), UTF_8, "html");
    alternative.addBodyPart(html);
    return alternative;
  }

  private static InternetAddress address(String raw) throws EffectFailure {
    try {
      return new InternetAddress(raw, true);
    } catch (AddressException e) {
      throw EffectFailure.permanent("invalid_address", "Not a mail address: " + raw + ".");
    }
  }

  private static String domainOf(InternetAddress a) {
    String s = a.getAddress();
    return s.substring(s.lastIndexOf('@') + 1);
  }

  private static void check(String header, String id) throws EffectFailure {
    if (id == null || !ID.matcher(id).matches()) {
      throw EffectFailure.permanent(
          "invalid_message_id", "Not a message id for " + header + ": " + id + ".");
    }
  }
}
