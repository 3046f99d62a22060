package io.opsflow.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer.Mail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP adapter against GreenMail, a real SMTP server in the test's JVM. */
class SmtpMailerTest {
  private static final String USER = "opsflow";
  private static final String PASSWORD = "s3cret-pw";

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("opsflow@example.org", USER, PASSWORD));

  private static SmtpSettings settings(int port, String password) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        Optional.of(USER),
        Optional.of(password),
        "opsflow <opsflow@example.org>",
        false);
  }

  private static SmtpMailer mailer() {
    return new SmtpMailer(settings(greenMail.getSmtp().getPort(), PASSWORD));
  }

  private static Mail aMail(String id, String inReplyTo, List<String> references) {
    return new Mail(
        List.of("alice@example.com", "bob@example.com"),
        "[P1] Zahlungen fallen aus – incident 42 ✓",
        "Checkout is down.\nGrüße, opsflow",
        "<p>Checkout is <b>down</b>. Grüße, opsflow</p>",
        id,
        inReplyTo,
        references);
  }

  private static MimeMessage receivedBy(String address, int index) throws Exception {
    MimeMessage[] all =
        greenMail
            .findReceivedMessages(u -> u.getEmail().equals(address), m -> true)
            .toArray(MimeMessage[]::new);
    return all[index];
  }

  @Test
  void sendsTextAndHtmlWithTheSubjectAndTheGivenMessageId() throws Exception {
    mailer().send(aMail("incident-42.1@opsflow", null, null));

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    MimeMessage m = receivedBy("bob@example.com", 0);
    assertThat(m.getMessageID()).isEqualTo("<incident-42.1@opsflow>");
    assertThat(m.getSubject()).isEqualTo("[P1] Zahlungen fallen aus – incident 42 ✓");
    assertThat(m.getFrom()[0].toString()).isEqualTo("opsflow <opsflow@example.org>");
    assertThat(m.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("alice@example.com", "bob@example.com");
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(m.getHeader("In-Reply-To")).isNull();
    assertThat(m.getHeader("References")).isNull();

    assertThat(m.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    // on the wire text lines end in CRLF (RFC 5322); the words and umlauts arrive intact
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Checkout is down.\r\nGrüße, opsflow");
    assertThat(parts.getBodyPart(1).getContentType())
        .containsIgnoringCase("text/html")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent())
        .isEqualTo("<p>Checkout is <b>down</b>. Grüße, opsflow</p>");
  }

  @Test
  void threadsFollowUpsWithInReplyToAndReferences() throws Exception {
    SmtpMailer mailer = mailer();
    mailer.send(aMail("incident-42.1@opsflow", null, null));
    mailer.send(
        aMail("incident-42.2@opsflow", "incident-42.1@opsflow", List.of("incident-42.1@opsflow")));
    mailer.send(
        aMail(
            "incident-42.3@opsflow",
            "incident-42.2@opsflow",
            List.of("incident-42.1@opsflow", "incident-42.2@opsflow")));

    MimeMessage second = receivedBy("alice@example.com", 1);
    assertThat(second.getMessageID()).isEqualTo("<incident-42.2@opsflow>");
    assertThat(second.getHeader("In-Reply-To")).containsExactly("<incident-42.1@opsflow>");
    assertThat(second.getHeader("References")).containsExactly("<incident-42.1@opsflow>");

    MimeMessage third = receivedBy("alice@example.com", 2);
    assertThat(third.getMessageID()).isEqualTo("<incident-42.3@opsflow>");
    assertThat(third.getHeader("In-Reply-To")).containsExactly("<incident-42.2@opsflow>");
    assertThat(third.getHeader("References", " "))
        .isEqualTo("<incident-42.1@opsflow> <incident-42.2@opsflow>");
  }

  @Test
  void refusedCredentialsArePermanent() {
    SmtpMailer wrong = new SmtpMailer(settings(greenMail.getSmtp().getPort(), "wrong-pw"));

    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> wrong.send(aMail("incident-1.1@opsflow", null, null)));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("smtp_auth");
    assertThat(f.reason())
        .startsWith("SMTP server refused the credentials")
        .doesNotContain("wrong-pw");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerThatIsDownIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SmtpMailer down = new SmtpMailer(settings(closedPort, PASSWORD));

    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> down.send(aMail("incident-1.1@opsflow", null, null)));

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("smtp_io");
    assertThat(f.reason()).contains("127.0.0.1:" + closedPort);
  }

  @Test
  void aMalformedAddressIsPermanentAndNothingIsSent() {
    Mail bad =
        new Mail(
            List.of("not an address"), "s", "t", "<p>t</p>", "incident-1.1@opsflow", null, null);

    EffectFailure f = catchThrowableOfType(EffectFailure.class, () -> mailer().send(bad));

    assertThat(f.retryable()).isFalse();
    assertThat(f.reason()).contains("not an address");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void settingsHideThePassword() {
    assertThat(settings(25, PASSWORD).toString()).doesNotContain(PASSWORD).contains(USER);
  }
}
