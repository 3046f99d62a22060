package io.opsflow.sla.model;

/** The port to the alert path. Throws when the alert could not be made durable. */
@FunctionalInterface
public interface SlaAlerts {
  void send(SlaAlert alert);
}
