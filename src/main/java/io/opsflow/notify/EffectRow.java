package io.opsflow.notify;

import io.opsflow.notify.model.Effect;

/**
 * A pending effect as the dispatcher claimed it. {@code attemptsBefore} is how many earlier
 * attempts were started: more than zero means an earlier one may have reached the vendor.
 */
public record EffectRow(long seq, Effect effect, int attemptsBefore, long createdMs) {
  public boolean mayHaveBeenSent() {
    return attemptsBefore > 0;
  }
}
