package io.opsflow.incident.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain in-memory {@link IncidentStore} for the rules' unit tests. */
public final class InMemoryIncidentStore implements IncidentStore {
  final Map<String, Incident> incidents = new HashMap<>();
  final Map<String, IncidentAlert> alerts = new HashMap<>();
  final List<TimelineEntry> timeline = new ArrayList<>();
  final List<IncidentEvent> events = new ArrayList<>();
  final List<WorkflowSignal> signals = new ArrayList<>();

  @Override
  public Optional<Incident> findOpen(String integrationId, String alertKey) {
    return incidents.values().stream()
        .filter(i -> i.integrationId().equals(integrationId) && i.alertKey().equals(alertKey))
        .filter(i -> i.status() != IncidentStatus.RESOLVED)
        .findFirst();
  }

  @Override
  public Optional<Incident> find(String incidentId) {
    return Optional.ofNullable(incidents.get(incidentId));
  }

  @Override
  public Optional<IncidentAlert> findAlert(String incidentId, String fingerprint) {
    return Optional.ofNullable(alerts.get(incidentId + "/" + fingerprint));
  }

  @Override
  public void add(Incident incident) {
    incidents.put(incident.id(), incident);
  }

  @Override
  public void add(IncidentAlert alert) {
    alerts.put(alert.incidentId() + "/" + alert.fingerprint(), alert);
  }

  @Override
  public void record(TimelineEntry entry) {
    timeline.add(entry);
  }

  @Override
  public void publish(IncidentEvent event) {
    events.add(event);
  }

  @Override
  public void signal(WorkflowSignal signal) {
    signals.add(signal);
  }

  public List<String> kinds() {
    return timeline.stream().map(TimelineEntry::kind).toList();
  }
}
