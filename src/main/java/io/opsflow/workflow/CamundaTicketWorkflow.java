package io.opsflow.workflow;

import io.opsflow.ticket.model.TicketWorkflow;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TicketWorkflow} on the {@code ticket} process; the business key is the ticket id. A start
 * for a ticket that has (or had) a process is ignored; a message the process does not wait for
 * (resolved twice, closed after it ended) is ignored too.
 */
final class CamundaTicketWorkflow implements TicketWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaTicketWorkflow.class);

  private final RuntimeService runtime;
  private final HistoryService history;

  CamundaTicketWorkflow(ProcessEngine engine) {
    Objects.requireNonNull(engine, "engine");
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
  }

  @Override
  public void start(String ticketId, String organizationId) {
    start(ticketId, organizationId, false);
  }

  @Override
  public void start(String ticketId, String organizationId, boolean firstDelivery) {
    boolean known = !firstDelivery && hasProcess(ticketId);
    if (known) {
      return;
    }
    runtime.startProcessInstanceByKey(
        ProcessConstants.TICKET_PROCESS,
        ticketId,
        Map.of(
            ProcessConstants.VAR_TICKET_ID, ticketId,
            ProcessConstants.VAR_ORGANIZATION_ID, organizationId));
  }

  @Override
  public void resolved(String ticketId) {
    correlate(ProcessConstants.MSG_TICKET_RESOLVED, ticketId);
  }

  @Override
  public void reopened(String ticketId) {
    correlate(ProcessConstants.MSG_TICKET_REOPENED, ticketId);
  }

  @Override
  public void closed(String ticketId) {
    correlate(ProcessConstants.MSG_TICKET_CLOSED, ticketId);
  }

  private void correlate(String message, String ticketId) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(ticketId).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      LOG.debug("ticket {} does not wait for {}; ignored", ticketId, message);
    }
  }

  /** Whether a process for this business key runs or ran (history keeps ended ones). */
  private boolean hasProcess(String businessKey) {
    return runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.TICKET_PROCESS)
                .processInstanceBusinessKey(businessKey)
                .count()
            > 0
        || history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.TICKET_PROCESS)
                .processInstanceBusinessKey(businessKey)
                .count()
            > 0;
  }
}
