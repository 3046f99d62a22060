package io.opsflow.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sla} processes of {@link CamundaIncidentWorkflow}; the business key is the clock id.
 */
final class SlaProcesses {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaIncidentWorkflow.class);

  private final RuntimeService runtime;
  private final HistoryService history;

  SlaProcesses(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  void start(String clockId, boolean firstDelivery) {
    boolean known = !firstDelivery && hasProcessSla(clockId);
    if (!known) {
      runtime.startProcessInstanceByKey(
          ProcessConstants.SLA_PROCESS, clockId, Map.of(ProcessConstants.VAR_CLOCK_ID, clockId));
    }
  }

  /**
   * Tells the clock's process to schedule again. The process may be between two waits (running its
   * schedule task) when the update arrives: then nothing waits for the message yet, so look again
   * for a short while; a process that ended needs nothing.
   */
  void update(String clockId) {
    for (int attempt = 1; attempt <= 20; attempt++) {
      try {
        List<MessageCorrelationResult> results =
            runtime
                .createMessageCorrelation(ProcessConstants.MSG_SLA_UPDATED)
                .processInstanceBusinessKey(clockId)
                .correlateAllWithResult();
        if (!results.isEmpty() || !slaRunning(clockId)) {
          return;
        }
      } catch (OptimisticLockingException e) {
        // a timer of the clock fired meanwhile: look again
      }
      try {
        Thread.sleep(25L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn("SLA clock {} did not take its update; its next timer schedules it again", clockId);
  }

  private boolean slaRunning(String clockId) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ProcessConstants.SLA_PROCESS)
            .processInstanceBusinessKey(clockId)
            .count()
        > 0;
  }

  /** Whether a process for this business key runs or ran (history keeps ended ones). */
  private boolean hasProcessSla(String businessKey) {
    return runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.SLA_PROCESS)
                .processInstanceBusinessKey(businessKey)
                .count()
            > 0
        || history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.SLA_PROCESS)
                .processInstanceBusinessKey(businessKey)
                .count()
            > 0;
  }
}
