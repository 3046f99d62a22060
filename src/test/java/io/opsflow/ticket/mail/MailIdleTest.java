package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.Await;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With IMAP IDLE (GreenMail announces it) a mail is read as it arrives, not at the next poll: an
 * intake of the test's own reads a second mailbox with a poll of 10 minutes, and the replies
 * delivered while it waits in IDLE become comments within the test's usual bounded wait. Closing it
 * ends the IDLE and does not hang.
 */
@ExtendWith(MailApp.Lease.class)
class MailIdleTest {
  private static final String DESK = "idle-desk@support.example";
  private static final String PASSWORD = "idle-desk-pw";

  private final MailApp app = MailApp.shared();
  private final KafkaClients clients = new KafkaClients(app.kafka.bootstrapServers());

  @AfterEach
  void close() {
    clients.close();
  }

  private MailIntake anIntake(String url, Duration poll) {
    Publisher publisher = new Publisher(clients.producer());
    return app.intake(
        url,
        DESK,
        (key, event) -> publisher.publish(Topics.TICKETS, key, event),
        Optional.empty(),
        poll);
  }

  @Test
  void aFailedReadShowsAnErrorIdAndNoExceptionText() throws Exception {
    String url =
        app.mail
            .mailbox("refusing@support.example", "refusing-desk", PASSWORD)
            .replace(PASSWORD, "wrong");
    MailIntake intake = anIntake(url, Duration.ofMinutes(10)).start();
    try {
      Await.until("the first read failed", () -> intake.status().contains("failed"));
      assertThat(intake.status())
          .containsPattern("failed: [a-z ]+; see the log under error id [0-9a-f]{12}$")
          .doesNotContain("Exception")
          .doesNotContain("jakarta");
    } finally {
      assertTimeoutPreemptively(Duration.ofSeconds(15), intake::close);
    }
  }

  @Test
  void aMailDeliveredWhileTheIntakeWaitsInIdleIsReadAtOnce() throws Exception {
    String url = app.mail.mailbox(DESK, "idle-desk", PASSWORD);
    MailApp.Customer c = app.aCustomer();
    MailApp.Opened t = app.aTicketByMail(c, "Slow dashboard");
    MailIntake intake = anIntake(url, Duration.ofMinutes(10)).start();
    try {
      Await.until("the intake waits in IDLE", intake::idling);
      Await.until("the first read is done", () -> intake.status().contains("last read"));
      assertThat(intake.status()).contains("every PT10M and on arrival (IMAP IDLE)");

      app.send(DESK, c.email(), "[opsflow " + t.reference() + "] still slow", "Still slow today.");
      JsonNode first =
          app.awaitTicket(t.id(), c.sre(), x -> MailApp.bodies(x).contains("Still slow today."));
      assertThat(MailApp.bodies(first)).containsExactly("Still slow today.");

      // IDLE is issued again after each read: the next mail is read as promptly
      app.send(DESK, c.email(), "[opsflow " + t.reference() + "] and now", "Now it is down.");
      JsonNode second =
          app.awaitTicket(t.id(), c.sre(), x -> MailApp.bodies(x).contains("Now it is down."));
      assertThat(MailApp.bodies(second)).containsExactly("Still slow today.", "Now it is down.");
      Await.until("both mails marked seen", () -> app.unseen("idle-desk", PASSWORD) == 0);
    } finally {
      assertTimeoutPreemptively(Duration.ofSeconds(15), intake::close);
    }
    assertThat(intake.idling()).isFalse();
  }

  @Test
  void closingAnIntakeThatWaitsInIdleEndsPromptly() {
    String url = app.mail.mailbox(DESK, "idle-desk", PASSWORD);
    MailIntake intake = anIntake(url, Duration.ofMinutes(10)).start();
    Await.until("the intake waits in IDLE", intake::idling);
    assertTimeoutPreemptively(Duration.ofSeconds(15), intake::close);
    assertThat(intake.idling()).isFalse();
  }
}
