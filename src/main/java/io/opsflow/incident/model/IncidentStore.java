package io.opsflow.incident.model;

import java.util.Optional;

/**
 * What the incident rules need from storage inside one transaction. Everything written through it
 * commits or rolls back together: state, timeline, outgoing events and workflow signals.
 */
public interface IncidentStore {

  Optional<Incident> findOpen(String integrationId, String alertKey);

  Optional<Incident> find(String incidentId);

  Optional<IncidentAlert> findAlert(String incidentId, String fingerprint);

  void add(Incident incident);

  void add(IncidentAlert alert);

  void record(TimelineEntry entry);

  void publish(IncidentEvent event);

  void signal(WorkflowSignal signal);
}
