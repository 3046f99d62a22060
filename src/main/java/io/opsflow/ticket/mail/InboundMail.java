package io.opsflow.ticket.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The envelope of one inbound mail, read from its raw source: who sent it, what it answers, its
 * subject and the headers that tell a person from a machine. The body is read later, only for mail
 * that becomes a ticket command ({@link MailBody}).
 *
 * @param key what identifies the mail across retries: its Message-ID, else a digest of its bytes
 * @param from the sender's address in lower case, null when the From header is missing or bad
 * @param fromProblem why {@code from} is null
 */
record InboundMail(
    MimeMessage message,
    byte[] raw,
    String key,
    String messageId,
    String from,
    String fromName,
    String fromProblem,
    String subject,
    List<String> inReplyTo,
    List<String> references) {

  private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,250})>");

  /**
   * Reads the headers.
   *
   * @throws UnparseableMail when not even the header block can be read
   */
  static InboundMail read(Session session, byte[] raw) throws UnparseableMail {
    try {
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
      List<String> own = ids(m.getHeader("Message-ID", null));
      String messageId = own.isEmpty() ? null : own.get(0);
      String from = null;
      String name = null;
      String problem = null;
      try {
        jakarta.mail.Address[] addresses = m.getFrom();
        if (addresses == null || addresses.length == 0) {
          problem = "the mail has no From header";
        } else if (addresses[0] instanceof InternetAddress a
            && a.getAddress() != null
            && a.getAddress().matches("[^@\\s]+@[^@\\s]+")) {
          from = a.getAddress().toLowerCase(Locale.ROOT);
          name = a.getPersonal();
        } else {
          problem = "the From header is not a mail address: " + addresses[0];
        }
      } catch (AddressException e) {
        problem = "the From header is not a mail address: " + e.getMessage();
      }
      return new InboundMail(
          m,
          raw,
          messageId != null ? messageId : "sha256:" + digest(raw),
          messageId,
          from,
          name,
          problem,
          subject(m),
          ids(m.getHeader("In-Reply-To", " ")),
          ids(m.getHeader("References", " ")));
    } catch (MessagingException e) {
      throw new UnparseableMail("the header block does not parse: " + e.getMessage());
    }
  }

  /** The first value of a header, unfolded, or null. */
  String header(String name) {
    try {
      String v = message.getHeader(name, null);
      return v == null ? null : MimeUtility.unfold(v).trim();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** The part after the {@code @} of the mail's own Message-ID, lower case; empty if none. */
  String messageIdDomain() {
    if (messageId == null || messageId.indexOf('@') < 0) {
      return "";
    }
    return messageId.substring(messageId.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  private static String subject(MimeMessage m) throws MessagingException {
    String s;
    try {
      s = m.getSubject();
    } catch (MessagingException e) {
      s = m.getHeader("Subject", null);
    }
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
  }

  /** The message ids in a header ({@code <a@b> <c@d>}), without angle brackets. */
  static List<String> ids(String header) {
    List<String> out = new ArrayList<>();
    if (header == null) {
      return out;
    }
    Matcher m = ID.matcher(MimeUtility.unfold(header));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String digest(byte[] raw) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String digest(String s) {
    return digest(s.getBytes(StandardCharsets.UTF_8));
  }
}
