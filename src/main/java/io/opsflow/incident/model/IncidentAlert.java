package io.opsflow.incident.model;

import java.time.Instant;
import java.util.UUID;

/** One alert grouped into an incident (an Alertmanager fingerprint, or a PagerDuty dedup key). */
public class IncidentAlert {
  private String id;
  private String incidentId;
  private String fingerprint;
  private boolean firing;
  private String summary;
  private String labels;
  private Instant firstSeenAt;
  private Instant lastChangedAt;

  protected IncidentAlert() {}

  static IncidentAlert first(String incidentId, AlertSignal.Item item, Instant at) {
    IncidentAlert a = new IncidentAlert();
    a.id = UUID.randomUUID().toString();
    a.incidentId = incidentId;
    a.fingerprint = item.fingerprint();
    a.firing = item.firing();
    a.summary = item.summary();
    a.labels = item.labelsJson();
    a.firstSeenAt = at;
    a.lastChangedAt = at;
    return a;
  }

  /**
   * Applies a repeat notification of this alert. Nothing is written when the alert did not change
   * state: Alertmanager re-sends every alert of a group each interval, and the incident counts
   * those repeats.
   *
   * @return the change this notification made: none, fired again, or resolved
   */
  Change update(AlertSignal.Item item, Instant at) {
    if (item.firing() == firing) {
      return Change.NONE;
    }
    firing = item.firing();
    lastChangedAt = at;
    summary = item.summary() == null ? summary : item.summary();
    return firing ? Change.FIRED_AGAIN : Change.RESOLVED;
  }

  enum Change {
    NONE,
    FIRED_AGAIN,
    RESOLVED
  }

  public String id() {
    return id;
  }

  public String incidentId() {
    return incidentId;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public boolean firing() {
    return firing;
  }

  public String summary() {
    return summary;
  }

  public String labels() {
    return labels;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Instant lastChangedAt() {
    return lastChangedAt;
  }
}
