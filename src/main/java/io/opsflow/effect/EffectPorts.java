package io.opsflow.effect;

import io.opsflow.escalation.ConferenceBridge;
import io.opsflow.escalation.Mailer;
import io.opsflow.escalation.Notifier;
import java.util.Optional;

/**
 * The adapters effects are delivered through; an empty one is not configured. {@code mailDomain} is
 * the right-hand side of the Message-IDs opsflow mints.
 */
public record EffectPorts(
    Optional<Notifier> chat,
    Optional<ConferenceBridge> bridge,
    Optional<Mailer> mail,
    String mailDomain) {

  public static EffectPorts none() {
    return new EffectPorts(Optional.empty(), Optional.empty(), Optional.empty(), "opsflow.local");
  }
}
