package io.opsflow.workflow;

import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.ticket.model.TicketWorkflow;
import java.util.List;

/** Hands the signals {@link WorkflowDispatcher} drains to the incident and ticket process ports. */
final class SignalDelivery {
  private final IncidentWorkflow workflow;
  private volatile TicketWorkflow tickets = TicketWorkflow.none();

  SignalDelivery(IncidentWorkflow workflow) {
    this.workflow = workflow;
  }

  void tickets(TicketWorkflow tickets) {
    this.tickets = tickets;
  }

  /** Delivers one incident's signals in order; stops at the first failure and returns it. */
  RuntimeException inOrder(List<WorkflowOutboxRow> group, List<Long> done) {
    for (WorkflowOutboxRow row : group) {
      try {
        deliver(signal(row), row.attempts() == 0);
      } catch (RuntimeException e) {
        return e;
      }
      done.add(row.id());
    }
    return null;
  }

  private static WorkflowSignal signal(WorkflowOutboxRow row) {
    return new WorkflowSignal(
        row.incidentId(),
        row.organizationId(),
        WorkflowSignal.Kind.valueOf(row.kind()),
        row.actor(),
        row.at());
  }

  static RuntimeException first(RuntimeException known, RuntimeException next) {
    if (known == null) {
      return next;
    }
    if (next != null && next != known) {
      known.addSuppressed(next);
    }
    return known;
  }

  /**
   * Hands one signal to the engine. {@code firstDelivery}: no earlier delivery of it began, so a
   * start needs no look-up for a process that an earlier one would have made.
   */
  private void deliver(WorkflowSignal s, boolean firstDelivery) {
    switch (s.kind()) {
      case START -> workflow.start(s.incidentId(), s.organizationId(), s.at(), firstDelivery);
      case ACKNOWLEDGE -> workflow.acknowledge(s.incidentId(), s.actor());
      case RESOLVE -> workflow.resolve(s.incidentId(), s.actor());
      case ESCALATE -> workflow.escalate(s.incidentId(), s.actor());
      case SLA_START -> workflow.startSla(s.incidentId(), firstDelivery);
      case SLA_UPDATE -> workflow.updateSla(s.incidentId());
      case TICKET_START -> tickets.start(s.incidentId(), s.organizationId(), firstDelivery);
      case TICKET_RESOLVED -> tickets.resolved(s.incidentId());
      case TICKET_REOPENED -> tickets.reopened(s.incidentId());
      case TICKET_CLOSED -> tickets.closed(s.incidentId());
    }
  }
}
