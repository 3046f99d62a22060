package io.opsflow.db;

import io.opsflow.incident.model.WorkflowSignal;
import java.time.Instant;

/** A {@link WorkflowSignal} waiting for the workflow dispatcher. */
public class WorkflowOutboxRow {
  private Long id;
  private String incidentId;
  private String organizationId;
  private WorkflowSignal.Kind kind;
  private String actor;
  private Instant at;
  private int attempts;

  protected WorkflowOutboxRow() {}

  public WorkflowOutboxRow(WorkflowSignal s) {
    this.incidentId = s.incidentId();
    this.organizationId = s.organizationId();
    this.kind = s.kind();
    this.actor = s.actor();
    this.at = s.at();
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

  public WorkflowSignal signal() {
    return new WorkflowSignal(incidentId, organizationId, kind, actor, at);
  }
}
