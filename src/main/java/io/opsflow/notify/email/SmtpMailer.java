package io.opsflow.notify.email;

import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends incident mail over SMTP with Jakarta Mail (Angus): one message per call, to all recipients,
 * with the {@code Message-ID} the caller chose. Connect within 10 s, each read or write within 20
 * s.
 */
public final class SmtpMailer implements Mailer {
  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
  }

  static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", String.valueOf(s.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "20000");
    p.put("mail.smtp.writetimeout", "20000");
    p.put("mail.smtp.auth", String.valueOf(s.user().isPresent()));
    if (s.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    return p;
  }

  @Override
  public void send(Mail mail) throws EffectFailure {
    try {
      ThreadedMessage message = ThreadedMessage.of(session, settings.from(), mail);
      if (settings.user().isPresent()) {
        Transport.send(message, settings.user().get(), settings.password().orElse(""));
      } else {
        Transport.send(message);
      }
      log.info("Mail <{}> sent to {} recipient(s)", mail.messageId(), mail.to().size());
    } catch (MessagingException e) {
      throw SmtpErrors.map(e, settings);
    }
  }
}
