package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail opsflow does not turn into tickets, on a started instance: a stranger gets one polite
 * refusal and no ticket; auto-replies, bounces and our own mail coming back are dropped with a note
 * on the ticket they name (else an audit line), and never answered.
 */
@ExtendWith(MailApp.Lease.class)
class MachineMailTest {
  private final MailApp app = MailApp.shared();
  private final MailServers mail = app.mail;
  private final ApiCalls api = app.api;

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private List<JsonNode> audit(String action, String subject) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : app.audit()) {
      if (e.path("action").asText().equals(action) && e.path("subject").asText().equals(subject)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void aStrangerGetsOneRefusalAndNoTicket() throws Exception {
    String stranger = "stranger-" + unique() + "@nowhere.example";
    String subject = "Please help " + unique();
    MimeMessage theirs = app.aMail("Stranger <" + stranger + ">", subject, "Our site is down.");
    mail.send(theirs);

    MimeMessage refusal = app.awaitMails(stranger, 1).get(0);
    assertThat(refusal.getSubject()).isEqualTo("Re: " + subject);
    assertThat(refusal.getHeader("In-Reply-To")[0]).isEqualTo(theirs.getMessageID());
    assertThat(refusal.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
    assertThat(refusal.getFrom()[0].toString()).contains(MailApp.SUPPORT);
    assertThat(refusal.getContent().toString()).isNotEmpty();
    Await.until("the refusal audited", () -> !audit(Refusals.REFUSED, stranger).isEmpty());
    assertThat(audit(Refusals.REFUSED, stranger).get(0).path("detail").asText())
        .contains("not registered")
        .endsWith("reply sent");
    String term = subject.substring(subject.length() - 8);
    assertThat(api.get("/api/v1/tickets?q=" + term, app.admin).body().path("items")).isEmpty();
    assertThat(api.get("/api/v1/tickets?requester=" + stranger, app.admin).body().path("items"))
        .isEmpty();

    // a second mail the same day is recorded, not answered
    mail.send(app.aMail(stranger, "Hello again", "Anyone?"));
    Await.until("the second refusal audited", () -> !audit(Refusals.QUIET, stranger).isEmpty());
    assertThat(mail.received(stranger)).hasSize(1);
  }

  @Test
  void machineMailIsDroppedWithANoteAndNeverAnswered() throws Exception {
    MailApp.Customer c = app.aCustomer();
    MailApp.Opened t = app.aTicketByMail(c, "Slow dashboard");
    String ours = MailApp.messageId(t.confirmation());

    MimeMessage away =
        app.aMail(c.email(), "Automatic reply: " + t.confirmation().getSubject(), "Back Monday.");
    away.setHeader("Auto-Submitted", "auto-replied");
    away.setHeader("In-Reply-To", "<" + ours + ">");
    mail.send(away);
    mail.sendRaw(bounce(ours), "mailer-daemon@mx.acme.example", MailApp.SUPPORT);
    MimeMessage loop = app.aMail(MailApp.SUPPORT, t.confirmation().getSubject(), "ourselves");
    loop.setHeader("In-Reply-To", "<" + ours + ">");
    mail.send(loop);

    JsonNode seen =
        app.awaitTicket(
            t.id(), c.sre(), x -> kinds(x).stream().filter("mail_dropped"::equals).count() == 3);
    List<String> notes = new ArrayList<>();
    seen.path("timeline")
        .forEach(
            l -> {
              if (l.path("kind").asText().equals("mail_dropped")) {
                notes.add(l.path("message").asText());
              }
            });
    assertThat(notes)
        .anyMatch(n -> n.contains("dropped as auto-reply (Auto-Submitted: auto-replied)"))
        .anyMatch(n -> n.contains("from mailer-daemon@mx.acme.example dropped as bounce"))
        .anyMatch(n -> n.contains("dropped as loop (sent from our own address"));
    assertThat(seen.path("comments")).isEmpty();
    assertThat(seen.path("status").asText()).isEqualTo("new");
    assertThat(mail.received(c.email())).hasSize(1);
    assertThat(mail.received("mailer-daemon@mx.acme.example")).isEmpty();
    String customer =
        api.token(app.admin, "user", "carol", c.org(), "customer").path("token").asText();
    assertThat(kinds(app.awaitTicket(t.id(), customer, x -> true))).doesNotContain("mail_dropped");

    // a robot opsflow does not know, about no ticket: an audit line, no refusal
    String robot = "robot-" + unique() + "@lists.example";
    MimeMessage list = app.aMail(robot, "Weekly digest", "news");
    list.setHeader("Precedence", "list");
    mail.send(list);
    String listId = list.getMessageID().replaceAll("[<>]", "");
    Await.until("the list mail audited", () -> !audit(MailDrops.ACTION, listId).isEmpty());
    assertThat(mail.received(robot)).isEmpty();
    assertThat(audit(Refusals.REFUSED, robot)).isEmpty();
  }

  private static List<String> kinds(JsonNode ticket) {
    List<String> out = new ArrayList<>();
    ticket.path("timeline").forEach(l -> out.add(l.path("kind").asText()));
    return out;
  }

  /** A delivery status notification for our mail {@code ours}, as Postfix writes one. */
  private static String bounce(String ours) {
    return "From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>\n"
        + "To: "
        + MailApp.SUPPORT
        + "\nSubject: Undelivered Mail Returned to Sender\n"
        + "Message-ID: <bounce-"
        + UUID.randomUUID()
        + "@mx.acme.example>\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BB\"\n\n"
        + "--BB\nContent-Type: text/plain\n\nI could not deliver your message to gone@acme.example.\n"
        + "--BB\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; mx.acme.example\n\nFinal-Recipient: rfc822; gone@acme.example\n"
        + "Action: failed\nStatus: 5.1.1\n"
        + "--BB\nContent-Type: text/rfc822-headers\n\n"
        + "From: Support <"
        + MailApp.SUPPORT
        + ">\nMessage-ID: <"
        + ours
        + ">\nSubject: ticket\n"
        + "--BB--\n";
  }
}
