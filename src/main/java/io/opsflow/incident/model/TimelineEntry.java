package io.opsflow.incident.model;

import java.time.Instant;

/** One line of an incident's timeline: what happened, when, and who or what did it. */
public class TimelineEntry {
  private Long id;
  private String incidentId;
  private Instant at;
  private String kind;
  private String actor;
  private String message;

  protected TimelineEntry() {}

  public TimelineEntry(String incidentId, Instant at, String kind, String actor, String message) {
    this.incidentId = incidentId;
    this.at = at;
    this.kind = kind;
    this.actor = actor;
    this.message = message;
  }

  public Long id() {
    return id;
  }

  public String incidentId() {
    return incidentId;
  }

  public Instant at() {
    return at;
  }

  public String kind() {
    return kind;
  }

  public String actor() {
    return actor;
  }

  public String message() {
    return message;
  }
}
