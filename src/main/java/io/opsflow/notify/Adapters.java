package io.opsflow.notify;

import io.opsflow.config.EffectsConfig;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.notify.email.SmtpMailer;
import io.opsflow.notify.email.SmtpSettings;
import io.opsflow.notify.model.ConferenceBridge;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer;
import io.opsflow.notify.model.Notifier;
import io.opsflow.notify.slack.SlackNotifier;
import io.opsflow.notify.zoom.ZoomBridge;
import io.opsflow.notify.zoom.ZoomSettings;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the ports the configuration asks for: Slack with a bot token, Zoom with the three
 * Server-to-Server OAuth values, mail with an SMTP host. What is not configured stays empty, and
 * its effects are written to the timeline as not sent.
 */
public final class Adapters {
  private static final Logger log = LoggerFactory.getLogger(Adapters.class);

  private Adapters() {}

  public static EffectPorts ports(OpsflowConfig config) {
    EffectsConfig e = config.effects();
    Optional<Notifier> chat = config.slackBotToken().map(token -> slack(token, config));
    Optional<ConferenceBridge> bridge =
        config.zoomConfigured()
            ? Optional.of(
                new ZoomBridge(
                    ZoomSettings.of(
                        config.zoomAccountId().orElseThrow(),
                        e.zoomClientId().orElseThrow(),
                        e.zoomClientSecret().orElseThrow(),
                        config.zoomApiUrl().orElse(null),
                        null)))
            : Optional.empty();
    Optional<Mailer> mail =
        config
            .smtpHost()
            .map(
                host ->
                    new SmtpMailer(
                        new SmtpSettings(
                            host,
                            e.smtpPort(),
                            e.smtpUser(),
                            e.smtpPassword(),
                            e.mailFrom(),
                            e.smtpStartTls())));
    return new EffectPorts(chat, bridge, mail, domainOf(e.mailFrom()));
  }

  private static Notifier slack(String token, OpsflowConfig config) {
    SlackNotifier slack = new SlackNotifier(token, config.slackApiUrl(), Clock.systemUTC());
    try {
      slack.connect();
    } catch (EffectFailure f) {
      // effects keep retrying: a Slack that is down at start is not a reason not to start
      log.warn("Slack not reachable at start: {}", f.reason());
    }
    return slack;
  }

  static String domainOf(String from) {
    int at = from.lastIndexOf('@');
    String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[>\\s]", "");
    return domain.isEmpty() ? "opsflow.local" : domain;
  }
}
