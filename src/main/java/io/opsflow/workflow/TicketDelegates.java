package io.opsflow.workflow;

import io.opsflow.ticket.model.TicketProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The tasks of the ticket process, each one call into {@link TicketProcessSteps}. */
final class TicketDelegates {
  private TicketDelegates() {}

  private static String ticketId(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessConstants.VAR_TICKET_ID);
    return id != null ? id.toString() : execution.getProcessBusinessKey();
  }

  /** Task {@code triageTicket}: sets {@code autoCloseAfter}. */
  static final class Triage implements JavaDelegate {
    private final TicketProcessSteps steps;

    Triage(TicketProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(
          ProcessConstants.VAR_AUTO_CLOSE_AFTER, steps.triage(ticketId(execution)));
    }
  }

  /** Task {@code autoCloseTicket}: sets {@code ticketClosed}. */
  static final class AutoClose implements JavaDelegate {
    private final TicketProcessSteps steps;

    AutoClose(TicketProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(
          ProcessConstants.VAR_TICKET_CLOSED, steps.autoClose(ticketId(execution)));
    }
  }
}
