package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentWorkflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IncidentWorkflow} on the {@code incident} process; the business key is the incident id.
 *
 * <p>Starting twice is a no-op while the instance runs and also after it ended (when history is
 * kept), so replaying the incident events changes nothing. Acknowledge and resolve correlate a
 * message; a process that no longer waits for it (already acknowledged, already closed, never
 * started) ignores it.
 */
public final class CamundaIncidentWorkflow implements IncidentWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(CamundaIncidentWorkflow.class);

  private static final Set<String> LEVELS_WITH_INSTANCE_HISTORY =
      Set.of(
          ProcessEngineConfiguration.HISTORY_ACTIVITY,
          ProcessEngineConfiguration.HISTORY_AUDIT,
          ProcessEngineConfiguration.HISTORY_FULL);

  private final RuntimeService runtime;
  private final HistoryService history;

  /**
   * Whether every started instance has a historic instance row from its start on (history level
   * activity or more), so that the history alone tells whether an incident was ever started.
   */
  private final boolean historyHasEveryInstance;

  public CamundaIncidentWorkflow(ProcessEngine engine) {
    Objects.requireNonNull(engine, "engine");
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.historyHasEveryInstance =
        LEVELS_WITH_INSTANCE_HISTORY.contains(engine.getProcessEngineConfiguration().getHistory());
  }

  @Override
  public void start(String incidentId, String organizationId, Instant openedAt) {
    start(incidentId, organizationId, openedAt, false);
  }

  @Override
  public void start(
      String incidentId, String organizationId, Instant openedAt, boolean firstDelivery) {
    if (!firstDelivery && exists(incidentId)) {
      LOG.debug("incident {} already has a process; start ignored", incidentId);
      return;
    }
    runtime.startProcessInstanceByKey(
        ProcessConstants.INCIDENT_PROCESS,
        incidentId,
        Map.of(
            ProcessConstants.VAR_INCIDENT_ID, incidentId,
            ProcessConstants.VAR_ORGANIZATION_ID, organizationId,
            ProcessConstants.VAR_OPENED_AT, openedAt.toString()));
  }

  @Override
  public void acknowledge(String incidentId, String actor) {
    correlate(
        ProcessConstants.MSG_ACKNOWLEDGED, incidentId, ProcessConstants.VAR_ACKNOWLEDGED_BY, actor);
  }

  @Override
  public void resolve(String incidentId, String actor) {
    correlate(ProcessConstants.MSG_RESOLVED, incidentId, ProcessConstants.VAR_RESOLVED_BY, actor);
  }

  @Override
  public void escalate(String incidentId, String actor) {
    correlate(ProcessConstants.MSG_ESCALATED, incidentId, ProcessConstants.VAR_ESCALATED_BY, actor);
  }

  @Override
  public void startSla(String clockId) {
    startSla(clockId, false);
  }

  @Override
  public void startSla(String clockId, boolean firstDelivery) {
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
  @Override
  public void updateSla(String clockId) {
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

  @Override
  public boolean isRunning(String incidentId) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ProcessConstants.INCIDENT_PROCESS)
            .processInstanceBusinessKey(incidentId)
            .count()
        > 0;
  }

  /**
   * Whether the incident's process runs or ran. With instance history the historic row alone
   * answers (it is written when the instance starts, in the same transaction): one indexed query
   * instead of two.
   */
  private boolean exists(String incidentId) {
    if (!historyHasEveryInstance && isRunning(incidentId)) {
      return true;
    }
    return history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessConstants.INCIDENT_PROCESS)
            .processInstanceBusinessKey(incidentId)
            .count()
        > 0;
  }

  /**
   * Correlates with {@code correlateAll}, which matches nothing instead of throwing {@code
   * MismatchingMessageCorrelationException} when no instance waits for the message: the engine logs
   * every such exception at ERROR level, and a late or repeated message is normal here.
   */
  private void correlate(String message, String incidentId, String actorVariable, String actor) {
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
