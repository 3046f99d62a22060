package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentWorkflow;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
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
  private final MessageCorrelation messages;
  private final SlaProcesses sla;

  /**
   * Whether every started instance has a historic instance row from its start on (history level
   * activity or more), so that the history alone tells whether an incident was ever started.
   */
  private final boolean historyHasEveryInstance;

  public CamundaIncidentWorkflow(ProcessEngine engine) {
    Objects.requireNonNull(engine, "engine");
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.messages = new MessageCorrelation(runtime);
    this.sla = new SlaProcesses(runtime, history);
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
    messages.correlate(
        ProcessConstants.MSG_ACKNOWLEDGED, incidentId, ProcessConstants.VAR_ACKNOWLEDGED_BY, actor);
  }

  @Override
  public void resolve(String incidentId, String actor) {
    messages.correlate(
        ProcessConstants.MSG_RESOLVED, incidentId, ProcessConstants.VAR_RESOLVED_BY, actor);
  }

  @Override
  public void escalate(String incidentId, String actor) {
    messages.correlate(
        ProcessConstants.MSG_ESCALATED, incidentId, ProcessConstants.VAR_ESCALATED_BY, actor);
  }

  @Override
  public void startSla(String clockId) {
    startSla(clockId, false);
  }

  @Override
  public void startSla(String clockId, boolean firstDelivery) {
    sla.start(clockId, firstDelivery);
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
   * Tells the clock's process to schedule again (see {@link SlaProcesses#update}); a process that
   * ended needs nothing.
   */
  @Override
  public void updateSla(String clockId) {
    sla.update(clockId);
  }
}
