package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.workflow.EngineFactory.DeployedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineFactoryTest {
  private final ProcessEngine engine = TestEngines.newEngine(new RecordingIncidentSteps());

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void unchangedModelKeepsItsVersionAndChangedModelGetsANewOne(@TempDir Path dir)
      throws IOException {
    Path model = dir.resolve("incident.bpmn");
    Files.copy(Path.of("workflows", "incident.bpmn"), model);

    assertThat(EngineFactory.deploy(engine, dir))
        .containsExactly(new DeployedModel("incident.bpmn", "incident", 1, true));
    assertThat(EngineFactory.deploy(engine, dir))
        .containsExactly(new DeployedModel("incident.bpmn", "incident", 1, false));

    Files.writeString(
        model, Files.readString(model).replace("name=\"Triage\"", "name=\"Triage incident\""));

    assertThat(EngineFactory.deploy(engine, dir))
        .containsExactly(new DeployedModel("incident.bpmn", "incident", 2, true));
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(2);
  }

  @Test
  void missingDirectoryFallsBackToModelsOnTheClasspath(@TempDir Path dir) {
    List<DeployedModel> deployed = EngineFactory.deploy(engine, dir.resolve("absent"));

    assertThat(deployed).extracting(DeployedModel::key).contains(ProcessConstants.INCIDENT_PROCESS);
  }

  @Test
  void registersExactlyTheDelegatesModelsMayName() {
    assertThat(EngineFactory.delegates(new RecordingIncidentSteps()).keySet())
        .isEqualTo(Set.copyOf(ProcessConstants.DELEGATE_BEANS));
  }

  @Test
  void keepsFullHistoryByDefault() {
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
  }

  @Test
  void eachEngineHasItsOwnName() {
    ProcessEngine second = TestEngines.newEngine(new RecordingIncidentSteps());
    try {
      assertThat(second.getName()).isNotEqualTo(engine.getName());
    } finally {
      second.close();
    }
  }
}
