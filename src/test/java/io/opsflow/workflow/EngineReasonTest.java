package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** A model the engine refuses is answered with the engine's reason, never a Java class name. */
class EngineReasonTest {
  @Test
  void theReasonKeepsTheWordsAndDropsClassNames() {
    RuntimeException refused =
        new ProcessEngineException(
            "ENGINE-09005 Could not parse BPMN process. Errors: * cvc-complex-type.2.4.a:"
                + " org.camunda.bpm.engine.BpmnParseException: unknown element 'foo'"
                + " | incident.bpmn | line 12 | column 4",
            new IllegalStateException("inner"));
    String reason = ModelReload.engineReason(refused);
    assertThat(reason)
        .contains("ENGINE-09005 Could not parse BPMN process")
        .contains("unknown element 'foo'")
        .contains("incident.bpmn | line 12 | column 4")
        .doesNotContain("org.camunda")
        .doesNotContain("Exception");
    assertThat(ModelReload.engineReason(new RuntimeException((String) null)))
        .isEqualTo("see the log");
  }
}
