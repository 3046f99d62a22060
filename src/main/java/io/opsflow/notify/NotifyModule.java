package io.opsflow.notify;

import io.opsflow.config.OpsflowConfig;
import io.opsflow.config.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effect outbox: the Slack, Zoom and mail adapters the configuration enables (its ports), the
 * recorder that plans effects from incident events, and their dispatcher.
 */
public final class NotifyModule implements AutoCloseable {
  private final OpsflowConfig config;
  private final EffectPorts ports;
  private final Effects effects;

  /** What the effects need; {@code clocks} are paused and resumed with holds. */
  public record Parts(Platform platform, IncidentClocks clocks) {}

  private NotifyModule(OpsflowConfig config, EffectPorts ports, Effects effects) {
    this.config = config;
    this.ports = ports;
    this.effects = effects;
  }

  /** Starts the dispatcher of the effects, woken after each commit that plans some. */
  public static NotifyModule start(Parts p) {
    Platform base = p.platform();
    EffectPorts ports = Adapters.ports(base.config());
    Effects effects =
        Effects.start(base.config(), ports, base.db(), base.metrics(), base.clock(), p.clocks());
    base.wake().outbox(effects::wake);
    return new NotifyModule(base.config(), ports, effects);
  }

  /** The adapters: chat, bridge and mail. */
  public EffectPorts ports() {
    return ports;
  }

  /** The effect outbox and its dispatcher. */
  public Effects effects() {
    return effects;
  }

  public EffectRecorder recorder() {
    return effects.recorder();
  }

  /** What each integration is: configured or not; {@code imap} says how mail is read. */
  public Map<String, String> integrations(String imap) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("slack", config.slackConfigured() ? "configured" : "not configured");
    m.put("zoom", config.zoomConfigured() ? "configured" : "not configured");
    m.put(
        "smtp", config.smtpConfigured() ? "configured" : "not configured: mail kept in the outbox");
    m.put("imap", imap);
    return m;
  }

  @Override
  public void close() {
    effects.close();
  }
}
