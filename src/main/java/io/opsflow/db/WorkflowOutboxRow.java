package io.opsflow.db;

import java.time.Instant;

/**
 * A step for the workflow engine waiting for the workflow dispatcher: the subject (an incident, an
 * SLA clock or a ticket), its organization, the kind of step by name, who caused it and when.
 */
public class WorkflowOutboxRow {
  private Long id;
  private String incidentId;
  private String organizationId;
  private String kind;
  private String actor;
  private Instant at;
  private int attempts;

  protected WorkflowOutboxRow() {}

  public WorkflowOutboxRow(
      String incidentId, String organizationId, String kind, String actor, Instant at) {
    this.incidentId = incidentId;
    this.organizationId = organizationId;
    this.kind = kind;
    this.actor = actor;
    this.at = at;
  }

  public Long id() {
    return id;
  }

  /**
   * How many deliveries of this signal began before this read. Zero means none can have reached the
   * engine.
   */
  public int attempts() {
    return attempts;
  }

  public String incidentId() {
    return incidentId;
  }

  public String organizationId() {
    return organizationId;
  }

  public String kind() {
    return kind;
  }

  public String actor() {
    return actor;
  }

  public Instant at() {
    return at;
  }
}
