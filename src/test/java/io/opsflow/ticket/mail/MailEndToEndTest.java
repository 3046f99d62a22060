package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tickets by mail on a started opsflow with its own broker, GreenMail for SMTP and IMAP: a customer
 * mails support and gets a confirmation, the SRE's answer from the API reaches the customer in the
 * same thread, the customer's replies (by thread headers, or by the reference in the subject alone)
 * are comments; internal notes are never mailed.
 */
@ExtendWith(MailApp.Lease.class)
class MailEndToEndTest {
  private static final String SUPPORT = MailApp.SUPPORT;
  private final MailApp app = MailApp.shared();
  private final MailServers mail = app.mail;
  private final ApiCalls api = app.api;

  private static String text(MimeMessage m, String type) throws Exception {
    MimeMultipart alt = (MimeMultipart) m.getContent();
    for (int i = 0; i < alt.getCount(); i++) {
      BodyPart p = alt.getBodyPart(i);
      if (p.isMimeType(type)) {
        return (String) p.getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String id(MimeMessage m) throws Exception {
    return MailApp.messageId(m);
  }

  @Test
  void aCustomerWorksATicketByMailAndTheSreThroughTheApi() throws Exception {
    MailApp.Customer c = app.aCustomer();
    MimeMessage first = mail.compose();
    first.setFrom("Carol <" + c.email() + ">");
    first.setRecipients(Message.RecipientType.TO, SUPPORT);
    first.setSubject("Checkout fails [P-1]");
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Every payment ends in a 500 since 10:00.", "UTF-8");
    parts.addBodyPart(text);
    MimeBodyPart log = new MimeBodyPart();
    log.setText("ERROR pool exhausted", "UTF-8");
    log.setFileName("app.log");
    log.setDisposition("attachment");
    parts.addBodyPart(log);
    MimeBodyPart dump = new MimeBodyPart();
    dump.setContent(new byte[300 * 1024], "application/octet-stream");
    dump.setFileName("heap.bin");
    dump.setDisposition("attachment");
    parts.addBodyPart(dump);
    first.setContent(parts);
    mail.send(first);

    JsonNode listed = tickets(c).get(0);
    String id = listed.path("id").asText();
    String ref = listed.path("reference").asText();
    JsonNode t = app.awaitTicket(id, c.sre(), x -> x.path("sla").size() == 2);
    assertThat(t.path("organization").asText()).isEqualTo(c.org());
    assertThat(t.path("priority").asText()).isEqualTo("P-1");
    assertThat(t.path("source").asText()).isEqualTo("email");
    assertThat(t.path("requester").asText()).isEqualTo(c.email());
    assertThat(t.path("description").asText())
        .startsWith("Every payment ends in a 500 since 10:00.")
        .contains("[files not kept: heap.bin (over the limit of 256 KiB a file)]");
    assertThat(t.path("attachments").findValuesAsText("filename")).containsExactly("app.log");

    MimeMessage confirmation = app.awaitMails(c.email(), 1).get(0);
    assertThat(confirmation.getSubject()).isEqualTo("[opsflow " + ref + "] Checkout fails [P-1]");
    assertThat(id(confirmation)).startsWith("ticket." + id + ".").endsWith("@support.example");
    assertThat(confirmation.getHeader("In-Reply-To")).isNull();
    assertThat(confirmation.getFrom()[0].toString()).contains(SUPPORT);
    assertThat(confirmation.getReplyTo()[0].toString()).contains(SUPPORT);
    assertThat(confirmation.getHeader("X-Opsflow-Loop")[0]).isEqualTo("support.example");
    assertThat(confirmation.isMimeType("multipart/alternative")).isTrue();
    assertThat(text(confirmation, "text/plain")).contains("Your ticket " + ref + " is open");
    assertThat(text(confirmation, "text/html")).contains("<p>Your ticket " + ref + " is open");
    assertThat(text(confirmation, "text/plain"))
        .contains("http://localhost:" + app.app.httpPort() + "/portal/tickets/" + id);

    // the SRE answers in public, notes internally, answers again: two mails, in the thread
    api.post("/api/v1/tickets/" + id + "/comments", c.sre(), "{\"body\":\"Looking into it\"}");
    api.post(
        "/api/v1/tickets/" + id + "/comments",
        c.sre(),
        "{\"body\":\"secret: db pool at 100%\",\"visibility\":\"internal\"}");
    api.post("/api/v1/tickets/" + id + "/comments", c.sre(), "{\"body\":\"Please send the id\"}");
    List<MimeMessage> mails = app.awaitMails(c.email(), 3);
    MimeMessage answer = mails.get(1);
    assertThat(text(answer, "text/plain")).contains("Looking into it");
    assertThat(text(mails.get(2), "text/plain")).contains("Please send the id");
    for (MimeMessage m : mails.subList(1, 3)) {
      assertThat(m.getSubject()).isEqualTo(confirmation.getSubject());
      assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo("<" + id(confirmation) + ">");
      assertThat(m.getHeader("References")[0]).contains("<" + id(confirmation) + ">");
      assertThat(text(m, "text/plain") + text(m, "text/html")).doesNotContain("secret");
    }

    // the customer answers the mail: threaded, with the quote cut off
    MimeMessage reply = app.aMail("Carol <" + c.email() + ">", "Re: " + answer.getSubject(), "");
    reply.setText(
        "The request id is req-42.\n\nOn Tue, 3 Mar 2026 at 10:00, Support <"
            + SUPPORT
            + "> wrote:\n> Please send the id\n",
        "UTF-8");
    reply.setHeader("In-Reply-To", "<" + id(mails.get(2)) + ">");
    reply.setHeader("References", "<" + id(confirmation) + "> <" + id(mails.get(2)) + ">");
    mail.send(reply);
    // and once more with only the reference in the subject, as a new mail
    mail.send(
        app.aMail(c.email(), "[opsflow " + ref + "] one more thing", "It also fails on iOS."));
    JsonNode worked = app.awaitTicket(id, c.sre(), x -> x.path("comments").size() == 5);
    List<JsonNode> byMail =
        comments(worked).stream().filter(x -> x.path("via").asText().equals("email")).toList();
    assertThat(byMail)
        .extracting(x -> x.path("body").asText())
        .containsExactly("The request id is req-42.", "It also fails on iOS.");
    assertThat(byMail).extracting(x -> x.path("author").asText()).containsOnly("Carol");
    assertThat(worked.path("status").asText()).isEqualTo("open");
    assertThat(tickets(c).size()).isEqualTo(1);

    // the customer is not mailed her own comments: the next mail she gets is the SRE's
    api.post("/api/v1/tickets/" + id + "/comments", c.sre(), "{\"body\":\"Fixed in 4.2.1\"}");
    mails = app.awaitMails(c.email(), 4);
    assertThat(mails).hasSize(4);
    assertThat(text(mails.get(3), "text/plain")).contains("Fixed in 4.2.1");

    // resolving is a public update; the customer's answer to it reopens the ticket
    api.post("/api/v1/tickets/" + id + "/status", c.sre(), "{\"status\":\"resolved\"}");
    MimeMessage resolved = app.awaitMails(c.email(), 5).get(4);
    assertThat(text(resolved, "text/plain"))
        .startsWith("Resolved by user:alice")
        .contains("Status: resolved");
    assertThat(resolved.getHeader("In-Reply-To")[0]).isEqualTo("<" + id(confirmation) + ">");
    MimeMessage again = app.aMail(c.email(), "Re: " + resolved.getSubject(), "Not fixed for me.");
    again.setHeader("In-Reply-To", "<" + id(resolved) + ">");
    mail.send(again);
    JsonNode reopened = app.awaitTicket(id, c.sre(), x -> x.path("status").asText().equals("open"));
    assertThat(reopened.path("timeline").findValuesAsText("message"))
        .contains("Reopened by the customer's reply");
  }

  @Test
  void aReplyNamingAnotherOrganizationsTicketOpensATicketOfItsOwn() throws Exception {
    MailApp.Customer owner = app.aCustomer();
    MailApp.Customer other = app.aCustomer();
    MailApp.Opened t = app.aTicketByMail(owner, "Private matter");
    MimeMessage sneaky =
        app.aMail(other.email(), "Re: " + t.confirmation().getSubject(), "Let me read this.");
    sneaky.setHeader("In-Reply-To", "<" + id(t.confirmation()) + ">");
    mail.send(sneaky);

    JsonNode theirs = tickets(other).get(0);
    assertThat(theirs.path("organization").asText()).isEqualTo(other.org());
    assertThat(theirs.path("id").asText()).isNotEqualTo(t.id());
    assertThat(app.awaitTicket(t.id(), owner.sre(), x -> true).path("comments")).isEmpty();
    assertThat(mail.received(owner.email())).hasSize(1);
  }

  @Test
  void healthSaysWhereMailIsReadFromAndHowTheLastReadWent() {
    JsonNode h =
        api.await(
            "/health",
            null,
            b -> b.path("integrations").path("imap").asText().contains("last read"));
    assertThat(h.path("integrations").path("imap").asText())
        .startsWith("configured: imap://support@127.0.0.1:")
        .contains("/INBOX every PT0.2S")
        .doesNotContain("support-pw");
    assertThat(h.path("integrations").path("smtp").asText()).isEqualTo("configured");
  }

  private JsonNode tickets(MailApp.Customer c) {
    return api.await("/api/v1/tickets", c.sre(), b -> b.path("items").size() == 1).path("items");
  }

  private static List<JsonNode> comments(JsonNode ticket) {
    List<JsonNode> out = new ArrayList<>();
    ticket.path("comments").forEach(out::add);
    return out;
  }
}
