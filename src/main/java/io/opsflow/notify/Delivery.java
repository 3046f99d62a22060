package io.opsflow.notify;

import io.opsflow.db.Database;
import io.opsflow.incident.model.Incident;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Notifier;
import java.time.Clock;

/** What delivering an effect works with: the ports, the incidents and their war rooms. */
final class Delivery {
  final Rooms rooms;
  final Database db;
  final EffectPorts ports;
  final Clock clock;
  final EffectOutcomes outcomes;

  Delivery(Rooms rooms, Database db, EffectPorts ports, Clock clock, EffectOutcomes outcomes) {
    this.rooms = rooms;
    this.db = db;
    this.ports = ports;
    this.clock = clock;
    this.outcomes = outcomes;
  }

  Notifier chat() throws EffectFailure {
    return ports
        .chat()
        .orElseThrow(() -> EffectFailure.permanent("not_configured", "Slack not configured"));
  }

  String channel(String incidentId) throws EffectFailure {
    return roomWithChannel(incidentId).channelId();
  }

  IncidentRoom roomWithChannel(String incidentId) throws EffectFailure {
    return rooms
        .room(incidentId)
        .filter(r -> r.channelId() != null)
        .orElseThrow(
            () -> EffectFailure.permanent("no_room", "the incident has no war room in Slack"));
  }

  Incident incident(String incidentId) throws EffectFailure {
    Incident i = db.inTransaction(s -> s.find(Incident.class, incidentId));
    if (i == null) {
      throw EffectFailure.permanent("no_incident", "incident " + incidentId + " not found");
    }
    return i;
  }
}
