package io.opsflow.workflow;

import io.opsflow.workflow.EngineFactory.DeployedModel;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** Deploys the models, filtering out unchanged ones, and reports their latest versions. */
final class ModelDeployment {
  private ModelDeployment() {}

  /**
   * Deploys every {@code *.bpmn} and {@code *.dmn} in {@code workflowsDir} (or, if it does not
   * exist, the copy packed under {@code workflows/} on the classpath). Unchanged models are
   * filtered out and keep their version.
   *
   * @return the latest version of every deployed model, for the start-up log
   */
  static List<DeployedModel> deploy(ProcessEngine engine, Path workflowsDir) {
    List<WorkflowFiles.WorkflowFile> files = WorkflowFiles.load(workflowsDir);
    if (files.isEmpty()) {
      return List.of();
    }
    RepositoryService repository = engine.getRepositoryService();
    Map<String, DeployedModel> before = latestVersions(repository, files);
    DeploymentBuilder builder =
        repository
            .createDeployment()
            .name(EngineFactory.DEPLOYMENT_NAME)
            .source("opsflow")
            .enableDuplicateFiltering(true);
    for (WorkflowFiles.WorkflowFile file : files) {
      builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
    }
    builder.deploy();
    List<DeployedModel> result = new ArrayList<>();
    latestVersions(repository, files)
        .forEach(
            (id, model) -> {
              DeployedModel old = before.get(id);
              boolean changed = old == null || old.version() != model.version();
              result.add(
                  new DeployedModel(model.resource(), model.key(), model.version(), changed));
            });
    return List.copyOf(result);
  }

  private static Map<String, DeployedModel> latestVersions(
      RepositoryService repository, List<WorkflowFiles.WorkflowFile> files) {
    Map<String, DeployedModel> latest = new TreeMap<>();
    for (WorkflowFiles.WorkflowFile file : files) {
      if (file.isBpmn()) {
        for (ProcessDefinition definition :
            repository
                .createProcessDefinitionQuery()
                .processDefinitionResourceName(file.name())
                .list()) {
          keepLatest(latest, file.name(), definition.getKey(), definition.getVersion());
        }
      } else {
        for (DecisionDefinition definition :
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionResourceName(file.name())
                .list()) {
          keepLatest(latest, file.name(), definition.getKey(), definition.getVersion());
        }
      }
    }
    return latest;
  }

  private static void keepLatest(
      Map<String, DeployedModel> latest, String resource, String key, int version) {
    String id = resource + "#" + key;
    DeployedModel known = latest.get(id);
    if (known == null || known.version() < version) {
      latest.put(id, new DeployedModel(resource, key, version, false));
    }
  }
}
