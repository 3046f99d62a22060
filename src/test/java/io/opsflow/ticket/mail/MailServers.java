package io.opsflow.ticket.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * GreenMail as the customers' and the support desk's mail servers: SMTP that delivers into local
 * mailboxes, IMAP to read them. Customers write through SMTP like any mail program.
 */
final class MailServers implements AutoCloseable {
  final GreenMail green;
  private final Session smtp;

  MailServers() {
    green = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    green.start();
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(green.getSmtp().getPort()));
    smtp = Session.getInstance(p);
  }

  int smtpPort() {
    return green.getSmtp().getPort();
  }

  int imapPort() {
    return green.getImap().getPort();
  }

  /** A mailbox opsflow reads, with its IMAP login. */
  String mailbox(String address, String login, String password) {
    green.setUser(address, login, password);
    return "imap://" + login + ":" + password + "@127.0.0.1:" + imapPort() + "/INBOX";
  }

  /** A new mail, for the test to fill in and {@link #send} like a mail program. */
  MimeMessage compose() {
    return new MimeMessage(smtp);
  }

  void send(MimeMessage m) throws MessagingException {
    Transport.send(m);
  }

  /**
   * Sends bytes exactly as given (a mail program that writes broken mail, a mailer daemon), with
   * {@code envelopeFrom} as the SMTP sender (GreenMail does not take the null sender {@code <>}).
   */
  void sendRaw(String raw, String envelopeFrom, String to) throws MessagingException {
    SMTPMessage m =
        new SMTPMessage(
            smtp,
            new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    m.setEnvelopeFrom(envelopeFrom);
    try (Transport t = smtp.getTransport("smtp")) {
      t.connect();
      t.sendMessage(m, new Address[] {new InternetAddress(to)});
    }
  }

  /** What arrived for {@code address}, oldest first. */
  List<MimeMessage> received(String address) {
    return green
        .findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true)
        .toList();
  }

  /** How many mails in the mailbox of {@code login} are not marked seen, read over IMAP. */
  int unseen(String login, String password) throws MessagingException {
    Session s = Session.getInstance(new Properties());
    try (Store store = s.getStore("imap")) {
      store.connect("127.0.0.1", imapPort(), login, password);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        int n = 0;
        for (Message m : inbox.getMessages()) {
          if (!m.isSet(Flags.Flag.SEEN)) {
            n++;
          }
        }
        return n;
      } finally {
        inbox.close(false);
      }
    }
  }

  @Override
  public void close() {
    green.stop();
  }
}
