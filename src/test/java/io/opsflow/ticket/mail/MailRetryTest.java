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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mail is marked seen only once its ticket command is acknowledged by Kafka. A second mailbox is
 * read by an intake of the test's own, over the running instance's database and broker, whose
 * publisher fails on demand: first before writing (Kafka down), then after writing (the
 * acknowledgement lost). The mail stays unseen both times, and the third reading makes exactly one
 * comment.
 */
@ExtendWith(MailApp.Lease.class)
class MailRetryTest {
  private static final String DESK = "desk@support.example";
  private static final String PASSWORD = "desk-pw";

  private final MailApp app = MailApp.shared();
  private final KafkaClients clients = new KafkaClients(app.kafka.bootstrapServers());

  enum Broker {
    DOWN,
    ACK_LOST,
    UP
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Test
  void aMailIsSeenOnlyOnceKafkaAcknowledgedItsComment() throws Exception {
    String url = app.mail.mailbox(DESK, "desk", PASSWORD);
    MailApp.Customer c = app.aCustomer();
    MailApp.Opened t = app.aTicketByMail(c, "Flaky export");
    Publisher publisher = new Publisher(clients.producer());
    AtomicReference<Broker> broker = new AtomicReference<>(Broker.DOWN);
    TicketLog log =
        (key, event) -> {
          if (broker.get() == Broker.DOWN) {
            throw new IllegalStateException("the event log did not acknowledge the write");
          }
          publisher.publish(Topics.TICKETS, key, event);
          if (broker.get() == Broker.ACK_LOST) {
            throw new IllegalStateException("acknowledgement lost");
          }
        };
    MailIntake intake = app.intake(url, DESK, log, Optional.empty(), Duration.ofHours(1));

    app.send(
        DESK,
        c.email(),
        "[opsflow " + t.reference() + "] still failing",
        "The export still fails.");
    Await.until("the reply in the desk mailbox", () -> app.unseen("desk", PASSWORD) == 1);

    List<MailOutcome> down = intake.pollOnce();
    assertThat(down).extracting(MailOutcome::kind).containsExactly(MailOutcome.Kind.RETRY);
    assertThat(app.unseen("desk", PASSWORD)).isEqualTo(1);
    broker.set(Broker.ACK_LOST);
    assertThat(intake.pollOnce())
        .extracting(MailOutcome::kind)
        .containsExactly(MailOutcome.Kind.RETRY);
    assertThat(app.unseen("desk", PASSWORD)).isEqualTo(1);
    broker.set(Broker.UP);
    List<MailOutcome> up = intake.pollOnce();
    assertThat(up).extracting(MailOutcome::kind).containsExactly(MailOutcome.Kind.COMMENTED);
    assertThat(up.get(0).ticketId()).isEqualTo(t.id());
    assertThat(app.unseen("desk", PASSWORD)).isZero();
    assertThat(intake.pollOnce()).isEmpty();

    // a later mail of the same ticket, applied after both copies of the first
    app.send(DESK, c.email(), "[opsflow " + t.reference() + "] marker", "marker");
    Await.until("the marker in the desk mailbox", () -> app.unseen("desk", PASSWORD) == 1);
    assertThat(intake.pollOnce())
        .extracting(MailOutcome::kind)
        .containsExactly(MailOutcome.Kind.COMMENTED);
    JsonNode ticket = app.awaitTicket(t.id(), c.sre(), x -> MailApp.bodies(x).contains("marker"));
    assertThat(MailApp.bodies(ticket)).containsExactly("The export still fails.", "marker");
    assertThat(intake.status()).contains("imap://desk@127.0.0.1").doesNotContain(PASSWORD);
  }
}
