package io.opsflow.notify;

import io.opsflow.notify.model.ConferenceBridge;
import io.opsflow.notify.model.Mailer;
import io.opsflow.notify.model.Notifier;
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
