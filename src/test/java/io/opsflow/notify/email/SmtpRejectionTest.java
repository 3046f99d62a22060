package io.opsflow.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer.Mail;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMTP replies that refuse a mail: 5xx is permanent and names the addresses, 4xx is retried. */
class SmtpRejectionTest {
  private ScriptedSmtpServer server;
  private SmtpMailer mailer;

  @BeforeEach
  void start() {
    server = new ScriptedSmtpServer();
    mailer =
        new SmtpMailer(
            new SmtpSettings(
                "127.0.0.1",
                server.port(),
                Optional.empty(),
                Optional.empty(),
                "opsflow@example.org",
                false));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static Mail aMail() {
    return new Mail(
        List.of("alice@example.com", "gone@example.com"),
        "[P2] disk full",
        "text",
        "<p>html</p>",
        "incident-9.1@opsflow",
        null,
        null);
  }

  private EffectFailure sendFails() {
    return catchThrowableOfType(EffectFailure.class, () -> mailer.send(aMail()));
  }

  @Test
  void anAcceptedMailRaisesNothing() throws EffectFailure {
    mailer.send(aMail());
  }

  @Test
  void anUnknownRecipientIsPermanentAndNamed() {
    server.rejectRecipient("gone@example.com", "550 5.1.1 <gone@example.com>: user unknown");

    EffectFailure f = sendFails();

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("smtp_550");
    assertThat(f.reason()).contains("gone@example.com").doesNotContain("alice@example.com");
  }

  @Test
  void aRecipientDeferredWith4xxIsRetryable() {
    server.rejectRecipient("gone@example.com", "451 4.3.0 mailbox temporarily unavailable");

    EffectFailure f = sendFails();

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("smtp_451");
  }

  @Test
  void contentRefusedAfterDataIsPermanent() {
    server.replyToData("554 5.7.1 message refused as spam");

    EffectFailure f = sendFails();

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("smtp_554");
    assertThat(f.reason()).contains("message refused as spam");
  }

  @Test
  void aFullQueueAfterDataIsRetryable() {
    server.replyToData("452 4.3.1 insufficient system storage");

    EffectFailure f = sendFails();

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("smtp_452");
  }
}
