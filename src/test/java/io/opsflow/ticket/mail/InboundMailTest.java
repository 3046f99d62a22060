package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.ticket.model.Attachment;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Reading inbound mail from its raw source: headers, machine mail, threading, the text of a reply
 * without its quote, files within the limits. The mailbox round trip is in MailEndToEndTest.
 */
class InboundMailTest {
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final String TICKET = "0f8c2d4e-1111-4222-8333-944445555666";
  private final MailFilter filter = new MailFilter("support@support.example", "support.example");

  private static InboundMail read(String raw) throws UnparseableMail {
    return InboundMail.read(SESSION, raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String mail(String headers, String body) {
    return "From: Carol <Carol@Acme.example>\nTo: support@support.example\n"
        + headers
        + "\n\n"
        + body
        + "\n";
  }

  private Optional<String> drop(String headers) throws UnparseableMail {
    return filter.check(read(mail(headers, "hi"))).map(d -> d.kind());
  }

  @Test
  void readsTheSenderSubjectAndThread() throws Exception {
    InboundMail m =
        read(
            mail(
                "Subject: Re: [opsflow T-0F8C2D4E] Checkout\nMessage-ID: <abc@mx.acme.example>\n"
                    + "In-Reply-To: <ticket."
                    + TICKET
                    + ".0a1b@support.example>\nReferences: <x@y>\n <ticket."
                    + TICKET
                    + ".ffff@support.example>",
                "ok"));
    assertThat(m.from()).isEqualTo("carol@acme.example");
    assertThat(m.fromName()).isEqualTo("Carol");
    assertThat(m.key()).isEqualTo("abc@mx.acme.example");
    assertThat(TicketRefs.threadIds(m)).containsExactly(TICKET);
    assertThat(TicketRefs.subjectReference(m.subject())).contains("T-0F8C2D4E");
    assertThat(filter.check(m)).isEmpty();
  }

  @Test
  void aMailWithoutFromOrMessageIdHasAProblemAndADigestKey() throws Exception {
    InboundMail m = read("To: support@support.example\nSubject: x\n\nbody\n");
    assertThat(m.from()).isNull();
    assertThat(m.fromProblem()).contains("no From");
    assertThat(m.key()).startsWith("sha256:");
    assertThat(read("From: not an address at all\nSubject: x\n\nbody\n").fromProblem())
        .contains("not a mail address");
  }

  @Test
  void machineMailIsRecognised() throws Exception {
    assertThat(drop("Auto-Submitted: auto-replied")).contains("auto-reply");
    assertThat(drop("Auto-Submitted: no")).isEmpty();
    assertThat(drop("X-Autoreply: yes")).contains("auto-reply");
    assertThat(drop("X-Autorespond: 1")).contains("auto-reply");
    assertThat(drop("Precedence: bulk")).contains("auto-reply");
    assertThat(drop("Precedence: first-class")).isEmpty();
    assertThat(drop("Subject: Out of Office: Checkout")).contains("auto-reply");
    assertThat(drop("Subject: Automatic reply: Checkout")).contains("auto-reply");
    assertThat(drop("Subject: Our office printer is out of toner")).isEmpty();
    assertThat(drop("Content-Type: multipart/report; report-type=delivery-status; boundary=b"))
        .contains("bounce");
    assertThat(drop("Return-Path: <>")).contains("bounce");
    assertThat(drop("X-Opsflow-Loop: support.example")).contains("loop");
    assertThat(drop("Message-ID: <ticket." + TICKET + ".1@support.example>")).contains("loop");
    assertThat(filter.check(read("From: MAILER-DAEMON@mx.acme.example\n\nx")).map(d -> d.kind()))
        .contains("bounce");
    assertThat(filter.check(read("From: postmaster@acme.example\n\nx")).map(d -> d.kind()))
        .contains("bounce");
    assertThat(filter.check(read("From: Support <SUPPORT@support.example>\n\nx")))
        .map(d -> d.kind())
        .contains("loop");
  }

  @Test
  void aReplyLosesItsQuotedHistory() {
    assertThat(
            QuotedText.strip(
                "Here is req-42.\n\nOn Tue, 3 Mar 2026 at 10:00, Support <s@x> wrote:\n> Looking"))
        .isEqualTo("Here is req-42.");
    assertThat(
            QuotedText.strip(
                "Danke!\n\nAm 03.03.2026 um 10:00 schrieb Support <s@x>:\n> Wir prüfen das"))
        .isEqualTo("Danke!");
    assertThat(
            QuotedText.strip(
                "Thanks\n\nOn Tue, 3 Mar 2026 at 10:00, Support\n<support@x.example> wrote:\n> hi"))
        .isEqualTo("Thanks");
    assertThat(
            QuotedText.strip(
                "Fixed now\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: today"))
        .isEqualTo("Fixed now");
    assertThat(
            QuotedText.strip(
                "See below\n________________________________\nFrom: Support <s@x>\nSent: Tue"))
        .isEqualTo("See below");
    assertThat(QuotedText.strip("Yes\n\n> did it work?\n> on prod?\n")).isEqualTo("Yes");
    // answers between quoted lines are kept, and so is a mail that would be empty without its quote
    assertThat(QuotedText.strip("> q1\na1\n> q2\na2")).isEqualTo("> q1\na1\n> q2\na2");
    assertThat(QuotedText.strip("> only a quote")).isEqualTo("> only a quote");
    assertThat(QuotedText.strip("From: the logs\nit fails")).isEqualTo("From: the logs\nit fails");
  }

  @Test
  void htmlBecomesTextWithQuotesMarked() {
    String text =
        HtmlText.of(
            "<html><head><style>p{}</style></head><body><p>Fixed &amp; deployed</p>"
                + "<div>line<br>two &#8364;</div><blockquote>old <b>text</b></blockquote>");
    assertThat(text).isEqualTo("Fixed & deployed\n\nline\ntwo €\n\n> old text");
    assertThat(QuotedText.strip(text)).isEqualTo("Fixed & deployed\n\nline\ntwo €");
  }

  @Test
  void priorityComesFromTheSubject() {
    assertThat(MailCommands.priority("Checkout down [P-0]")).isEqualTo("P-0");
    assertThat(MailCommands.priority("[p1] slow builds")).isEqualTo("P-1");
    assertThat(MailCommands.priority("P-1: staging blocked")).isEqualTo("P-1");
    assertThat(MailCommands.priority("question about PP-1 form")).isEqualTo("P-2");
    assertThat(MailCommands.priority("a question")).isEqualTo("P-2");
  }

  @Test
  void filesAreKeptWithinTheLimitsAndTheRestNamed() throws Exception {
    String small = "aGVsbG8=";
    String big =
        java.util.Base64.getMimeEncoder().encodeToString(new byte[Attachment.MAX_BYTES + 1]);
    String raw =
        mail(
            "Subject: files\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B",
            "--B\nContent-Type: text/plain; charset=utf-8\n\nsee attached\n"
                + "--B\nContent-Type: text/plain; name=log.txt\nContent-Disposition: attachment;"
                + " filename=log.txt\nContent-Transfer-Encoding: base64\n\n"
                + small
                + "\n--B\nContent-Type: application/pdf\nContent-Disposition: attachment;"
                + " filename=big.pdf\nContent-Transfer-Encoding: base64\n\n"
                + big
                + "\n--B--");
    MailBody b = MailBody.read(read(raw), false);
    assertThat(b.text()).isEqualTo("see attached");
    assertThat(b.attachments()).extracting(Attachment::filename).containsExactly("log.txt");
    assertThat(b.attachments().get(0).size()).isEqualTo(5);
    assertThat(b.dropped()).singleElement().asString().startsWith("big.pdf (over the limit");
  }

  @Test
  void aBrokenStructureFailsUnlessReleased() throws Exception {
    InboundMail m =
        read(
            mail(
                "Subject: broken\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XYZ",
                "no boundary anywhere in here"));
    assertThatThrownBy(() -> MailBody.read(m, false))
        .isInstanceOf(UnparseableMail.class)
        .hasMessageContaining("MIME structure");
    assertThat(MailBody.read(m, true).text()).isEqualTo("no boundary anywhere in here");
  }

  @Test
  void theImapUrlIsReadAndItsPasswordNeverShown() {
    ImapSettings s =
        ImapSettings.parse("imaps://support%40acme.example:p%3Ass@mail.acme:1993/Tickets");
    assertThat(s.ssl()).isTrue();
    assertThat(s.user()).isEqualTo("support@acme.example");
    assertThat(s.password()).isEqualTo("p:ss");
    assertThat(s.port()).isEqualTo(1993);
    assertThat(s.folder()).isEqualTo("Tickets");
    assertThat(s.toString()).doesNotContain("p:ss").doesNotContain("p%3Ass");
    assertThat(ImapSettings.parse("imap://u:p@h").port()).isEqualTo(143);
    assertThat(ImapSettings.parse("imap://u:p@h").folder()).isEqualTo("INBOX");
    assertThatThrownBy(() -> ImapSettings.parse("pop3://u:p@h"))
        .hasMessageContaining("imap:// or imaps://");
    assertThatThrownBy(() -> ImapSettings.parse("imap://h/INBOX")).hasMessageContaining("user");
    assertThatThrownBy(() -> ImapSettings.parse("imap://secret-user@h"))
        .hasMessageContaining("no password");
  }
}
