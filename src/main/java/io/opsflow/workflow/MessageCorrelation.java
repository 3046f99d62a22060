package io.opsflow.workflow;

import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers acknowledge, resolve and escalate messages to an incident's process, with the actor. A
 * process that no longer waits for the message ignores it.
 */
final class MessageCorrelation {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaIncidentWorkflow.class);

  private final RuntimeService runtime;

  MessageCorrelation(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * Correlates with {@code correlateAll}, which matches nothing instead of throwing {@code
   * MismatchingMessageCorrelationException} when no instance waits for the message: the engine logs
   * every such exception at ERROR level, and a late or repeated message is normal here.
   */
  void correlate(String message, String incidentId, String actorVariable, String actor) {
    for (int attempt = 1; ; attempt++) {
      try {
        correlateOnce(message, incidentId, actorVariable, actor);
        return;
      } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
        // an escalation timer moved the instance while we correlated: look again
        if (attempt >= 3) {
          throw e;
        }
      } catch (ProcessEngineException e) {
        if (attempt >= 3
            || !String.valueOf(e.getMessage()).contains("does not have a subscription")) {
          throw e;
        }
      }
    }
  }

  private void correlateOnce(
      String message, String incidentId, String actorVariable, String actor) {
    // the actor goes onto the process instance first, not with the message: variables passed with
    // a correlation land on the event's execution, and when a timer of the same instance fires in
    // that moment the engine fails writing their history (NullPointerException in
    // getParentActivityInstanceId); the instance scope has no such race
    List<String> waiting =
        runtime
            .createExecutionQuery()
            .processInstanceBusinessKey(incidentId)
            .messageEventSubscriptionName(message)
            .list()
            .stream()
            .map(e -> e.getProcessInstanceId())
            .distinct()
            .toList();
    if (waiting.isEmpty()) {
      LOG.debug("incident {} is not waiting for {}; ignored", incidentId, message);
      return;
    }
    for (String processInstanceId : waiting) {
      runtime.setVariable(processInstanceId, actorVariable, actor);
    }
    List<MessageCorrelationResult> results =
        runtime
            .createMessageCorrelation(message)
            .processInstanceBusinessKey(incidentId)
            .correlateAllWithResult();
    if (results.isEmpty()) {
      LOG.debug("incident {} stopped waiting for {}; ignored", incidentId, message);
    }
  }
}
