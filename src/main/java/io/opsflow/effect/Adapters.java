package io.opsflow.effect;

import io.opsflow.config.EffectsConfig;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.escalation.ConferenceBridge;
import io.opsflow.escalation.EffectFailure;
import io.opsflow.escalation.Mailer;
import io.opsflow.escalation.Notifier;
import io.opsflow.escalation.email.SmtpMailer;
import io.opsflow.escalation.email.SmtpSettings;
import io.opsflow.escalation.slack.SlackNotifier;
import io.opsflow.escalation.zoom.ZoomBridge;
import io.opsflow.escalation.zoom.ZoomSettings;
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
