package io.opsflow.workflow;

import io.opsflow.incident.IncidentProcessSteps;
import io.opsflow.incident.IncidentWorkflow;
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
  private final List<EngineFactory.DeployedModel> deployed;
  private final CamundaIncidentWorkflow incidents;

  private WorkflowRuntime(ProcessEngine engine, List<EngineFactory.DeployedModel> deployed) {
    this.engine = engine;
    this.deployed = deployed;
    this.incidents = new CamundaIncidentWorkflow(engine);
  }

  public static WorkflowRuntime start(
      DataSource dataSource, IncidentProcessSteps steps, String historyLevel, Path workflows) {
    ProcessEngine engine =
        new EngineFactory(
                dataSource, steps, EngineFactory.Options.defaults().withHistoryLevel(historyLevel))
            .build();
    try {
      return new WorkflowRuntime(engine, EngineFactory.deploy(engine, workflows));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  public IncidentWorkflow incidents() {
    return incidents;
  }

  public List<EngineFactory.DeployedModel> deployed() {
    return deployed;
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
