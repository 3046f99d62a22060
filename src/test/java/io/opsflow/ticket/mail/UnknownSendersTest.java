package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code OPSFLOW_MAIL_UNKNOWN_SENDERS=open:<organization>}: a sender opsflow has no user for opens
 * a ticket for that organization and may answer it; the mailbox a wrong password cannot read says
 * so on the intake's status, without the password.
 */
@ExtendWith(MailApp.Lease.class)
class UnknownSendersTest {
  private final MailApp app = MailApp.shared();
  private final KafkaClients clients = new KafkaClients(app.kafka.bootstrapServers());

  @AfterEach
  void close() {
    clients.close();
  }

  private MailIntake intake(String url, Optional<String> org) {
    Publisher publisher = new Publisher(clients.producer());
    return app.intake(
        url,
        "open@support.example",
        (key, event) -> publisher.publish(Topics.TICKETS, key, event),
        org,
        Duration.ofHours(1));
  }

  @Test
  void aStrangerOpensATicketForTheConfiguredOrganizationAndAnswersIt() throws Exception {
    String org = "walk-in-" + UUID.randomUUID().toString().substring(0, 8);
    String sre = app.api.token(app.admin, "user", "alice", org, "sre").path("token").asText();
    MailIntake intake =
        intake(app.mail.mailbox("open@support.example", "open", "open-pw"), Optional.of(org));
    String stranger = "walker-" + UUID.randomUUID().toString().substring(0, 8) + "@else.example";

    app.send("open@support.example", stranger, "VPN down [P-0]", "Nobody can connect.");
    Await.until("the mail in the box", () -> app.mail.received("open@support.example").size() == 1);
    List<MailOutcome> opened = intake.pollOnce();
    assertThat(opened).extracting(MailOutcome::kind).containsExactly(MailOutcome.Kind.OPENED);
    String id = opened.get(0).ticketId();
    JsonNode t = app.awaitTicket(id, sre, x -> true);
    assertThat(t.path("organization").asText()).isEqualTo(org);
    assertThat(t.path("priority").asText()).isEqualTo("P-0");
    assertThat(t.path("requester").asText()).isEqualTo(stranger);

    app.send(
        "open@support.example",
        stranger,
        "Re: [opsflow " + t.path("reference").asText() + "] VPN down",
        "Works again.");
    Await.until(
        "the reply in the box", () -> app.mail.received("open@support.example").size() == 2);
    assertThat(intake.pollOnce()).extracting(MailOutcome::ticketId).containsExactly(id);
    JsonNode answered = app.awaitTicket(id, sre, x -> x.path("comments").size() == 1);
    assertThat(answered.path("comments").get(0).path("author").asText()).isEqualTo(stranger);
  }

  @Test
  void aMailboxThatRefusesTheLoginIsReportedWithoutThePassword() {
    String url = app.mail.mailbox("locked@support.example", "locked", "right-pw");
    MailIntake intake = intake(url.replace("right-pw", "wrong-pw"), Optional.empty()).start();
    try {
      Await.until("a failed read on the status", () -> intake.status().contains("failed"));
      assertThat(intake.status())
          .startsWith("configured: imap://locked@127.0.0.1:")
          .contains("failed: the server refused the login; see the log under error id ")
          .doesNotContain("Exception")
          .doesNotContain("wrong-pw");
    } finally {
      intake.close();
    }
  }
}
