package io.opsflow.effect;

import io.opsflow.config.OpsflowConfig;

/** Builds the ports the configuration asks for. */
public final class Adapters {
  private Adapters() {}

  public static EffectPorts ports(OpsflowConfig config) {
    return EffectPorts.none();
  }
}
