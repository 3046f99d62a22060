package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.model.TicketProcessSteps;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The running BPM engine as the rest of opsflow sees it: built on the shared data source, with
 * every model of the workflows directory deployed, and the ports the domain talks to.
 */
public final class WorkflowRuntime implements AutoCloseable {
  private final ProcessEngine engine;
  private volatile List<EngineFactory.DeployedModel> deployed;
  private final Path workflows;
  private final CamundaIncidentWorkflow incidents;

  private WorkflowRuntime(
      ProcessEngine engine, List<EngineFactory.DeployedModel> deployed, Path workflows) {
    this.workflows = workflows;
    this.engine = engine;
    this.deployed = deployed;
    this.incidents = new CamundaIncidentWorkflow(engine);
  }

  public static WorkflowRuntime start(
      DataSource dataSource,
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      String historyLevel,
      Path workflows) {
    return start(
        dataSource,
        steps,
        sla,
        EngineFactory.Options.defaults().withHistoryLevel(historyLevel),
        workflows);
  }

  /** As the start above, with every engine option given (benchmarks compare them). */
  public static WorkflowRuntime start(
      DataSource dataSource,
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      EngineFactory.Options options,
      Path workflows) {
    return start(dataSource, steps, sla, TicketProcessSteps.NONE, options, workflows);
  }

  /** The engine with the ticket process's steps too, other options at their defaults. */
  public static WorkflowRuntime start(
      DataSource dataSource,
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      TicketProcessSteps tickets,
      String historyLevel,
      Path workflows) {
    return start(
        dataSource,
        steps,
        sla,
        tickets,
        EngineFactory.Options.defaults().withHistoryLevel(historyLevel),
        workflows);
  }

  /** The engine with the ticket process's steps too. */
  public static WorkflowRuntime start(
      DataSource dataSource,
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      TicketProcessSteps tickets,
      EngineFactory.Options options,
      Path workflows) {
    ProcessEngine engine =
        new EngineFactory(dataSource, steps, sla, options).tickets(tickets).build();
    try {
      return new WorkflowRuntime(engine, EngineFactory.deploy(engine, workflows), workflows);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The ticket process port. */
  public io.opsflow.ticket.model.TicketWorkflow tickets() {
    return new CamundaTicketWorkflow(engine);
  }

  public IncidentWorkflow incidents() {
    return incidents;
  }

  public List<EngineFactory.DeployedModel> deployed() {
    return deployed;
  }

  /** What a reload did: the problems that refused it, or the models now deployed. */
  public record Reload(List<String> problems, List<EngineFactory.DeployedModel> models) {
    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  /**
   * Lints the workflows directory and, when every model passes, deploys what changed: new incidents
   * follow the new versions (the triage table is read at each incident's triage), running processes
   * keep the version they started with. A directory with any problem deploys nothing.
   */
  public synchronized Reload reload() {
    Reload reload = ModelReload.run(engine, workflows, deployed);
    deployed = reload.models();
    return reload;
  }

  /** The job executor's settings by name (see {@link EngineFactory#jobExecutorSettings}). */
  public java.util.Map<String, Object> jobExecutorSettings() {
    return EngineFactory.jobExecutorSettings(engine);
  }

  /** How many SLA clock processes are running (not yet ended). */
  public long runningSlaClocks() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.SLA_PROCESS)
        .count();
  }

  /** True when the engine answers a query against its tables. */
  public boolean healthy() {
    try {
      engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
