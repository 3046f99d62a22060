package io.opsflow.notify.model;

/**
 * The conference port: a bridge (Zoom meeting) for an incident. {@link #open} is safe to call again
 * after a crash: with {@code mayHaveBeenCreated} the adapter first looks for a bridge it created
 * for the same incident before creating one.
 */
public interface ConferenceBridge {

  Bridge open(BridgeRequest request, boolean mayHaveBeenCreated) throws EffectFailure;

  /** What to open: the incident, and the topic people see (it carries the incident id). */
  record BridgeRequest(String incidentId, String topic, String agenda) {}

  /** An open bridge: the vendor's id, the join link, and the dial-in password if any. */
  record Bridge(String id, String joinUrl, String password) {}
}
