package io.opsflow.ticket.mail;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.config.Platform;
import io.opsflow.http.Routed;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.notify.EffectPorts;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Inbound mail: tickets and comments from the support mailbox (read when {@code OPSFLOW_IMAP_URL}
 * is set), through {@code opsflow.tickets}, and the quarantine's routes.
 */
public final class MailModule implements AutoCloseable, Routed {
  private final Parts p;
  private final MailQuarantine quarantine;
  private final Optional<MailProcessor> processor;
  private final Optional<MailIntake> intake;

  /** What mail in needs; {@code ports} send the refusals. */
  public record Parts(Platform platform, AccessModule access, EffectPorts ports) {}

  private MailModule(Parts p) {
    this.p = p;
    OpsflowConfig config = p.platform().config();
    this.quarantine = new MailQuarantine(p.platform().db());
    if (config.imapConfigured()) {
      ImapSettings imap = ImapSettings.parse(config.imapUrl().orElseThrow());
      processor = Optional.of(processor(p, quarantine));
      intake =
          Optional.of(
              new MailIntake(
                  imap,
                  processor.get(),
                  config.tickets().imapPoll(),
                  p.platform().metrics(),
                  p.platform().clock()));
    } else {
      processor = Optional.empty();
      intake = Optional.empty();
    }
  }

  /** Prepares the reader of the mailbox; {@link #read()} starts it. */
  public static MailModule start(Parts p) {
    return new MailModule(p);
  }

  private static MailProcessor processor(Parts p, MailQuarantine quarantine) {
    OpsflowConfig config = p.platform().config();
    Publisher publisher = p.platform().publisher();
    MailRecords records = new MailRecords(p.platform().db());
    return new MailProcessor(
        new MailProcessor.Parts(
            p.access().users(),
            records,
            quarantine,
            (ticketId, event) -> publisher.publish(Topics.TICKETS, ticketId, event),
            p.ports().mail(),
            MailIdentity.of(config.effects().mailFrom(), p.ports().mailDomain()),
            config.tickets().unknownSenderOrganization().map(records::organization)),
        p.platform().clock());
  }

  /** Starts reading the mailbox, when one is configured (once the instance is ready). */
  public void read() {
    intake.ifPresent(MailIntake::start);
  }

  /** The reader of the support mailbox, when {@code OPSFLOW_IMAP_URL} is set. */
  public Optional<MailIntake> intake() {
    return intake;
  }

  /** How mail is read, for {@code /health}. */
  public String status() {
    return intake.map(MailIntake::status).orElse("not configured");
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(
        new MailRoutes(p.access().auth(), quarantine, processor, p.access().audit())::register);
  }

  @Override
  public void close() {
    intake.ifPresent(MailIntake::close);
  }
}
