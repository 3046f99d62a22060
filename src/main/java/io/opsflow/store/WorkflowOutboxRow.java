package io.opsflow.store;

import io.opsflow.incident.WorkflowSignal;
import java.time.Instant;

/** A {@link WorkflowSignal} waiting for the workflow dispatcher. */
public class WorkflowOutboxRow {
  private Long id;
  private String incidentId;
  private String organizationId;
  private WorkflowSignal.Kind kind;
  private String actor;
  private Instant at;

  protected WorkflowOutboxRow() {}

  WorkflowOutboxRow(WorkflowSignal s) {
    this.incidentId = s.incidentId();
    this.organizationId = s.organizationId();
    this.kind = s.kind();
    this.actor = s.actor();
    this.at = s.at();
  }

  public Long id() {
    return id;
  }

  public WorkflowSignal signal() {
    return new WorkflowSignal(incidentId, organizationId, kind, actor, at);
  }
}
