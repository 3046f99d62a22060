package io.opsflow.outbox;

import io.opsflow.incident.IncidentWorkflow;
import io.opsflow.incident.WorkflowSignal;
import io.opsflow.store.OutboxRepository;
import io.opsflow.store.WorkflowOutboxRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers workflow signals to the BPM engine after the transaction that wrote them committed,
 * oldest first. Each engine call is idempotent, so a signal delivered again after a crash changes
 * nothing. This keeps the engine off the alert path: only new incidents and state changes reach it,
 * never duplicate alerts.
 */
public final class WorkflowDispatcher extends Drainer {
  private final OutboxRepository outbox;
  private final IncidentWorkflow workflow;

  public WorkflowDispatcher(OutboxRepository outbox, IncidentWorkflow workflow) {
    super("opsflow-workflow-dispatcher", 500);
    this.outbox = outbox;
    this.workflow = workflow;
  }

  @Override
  protected int drainOnce() {
    List<WorkflowOutboxRow> rows = outbox.nextSignals(200);
    List<Long> done = new ArrayList<>(rows.size());
    try {
      for (WorkflowOutboxRow row : rows) {
        deliver(row.signal());
        done.add(row.id());
      }
    } finally {
      outbox.deleteSignals(done);
    }
    return rows.size();
  }

  private void deliver(WorkflowSignal s) {
    switch (s.kind()) {
      case START -> workflow.start(s.incidentId(), s.organizationId(), s.at());
      case ACKNOWLEDGE -> workflow.acknowledge(s.incidentId(), s.actor());
      case RESOLVE -> workflow.resolve(s.incidentId(), s.actor());
      case SLA_START -> workflow.startSla(s.incidentId());
      case SLA_UPDATE -> workflow.updateSla(s.incidentId());
    }
  }
}
