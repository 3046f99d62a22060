package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.workflow.ModelLinter.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model in {@code workflows/} follows the rules, and the linter can tell when one does not.
 */
class WorkflowLintTest {
  private static final Path WORKFLOWS = Path.of("workflows");

  private final ModelLinter linter = ModelLinter.forOpsflow();

  @Test
  void modelsInWorkflowsDirectoryHaveNoProblems() {
    assertThat(linter.lint(WORKFLOWS)).isEmpty();
  }

  @Test
  void badModelIsReportedForEveryBrokenRule(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("escalation.bpmn"), BAD_MODEL);

    List<String> problems = linter.lint(dir).stream().map(Problem::toString).toList();

    assertThat(problems)
        .anyMatch(p -> p.contains("[other]") && p.contains("not executable"))
        .anyMatch(p -> p.contains("[other]") && p.contains("historyTimeToLive missing"))
        .anyMatch(p -> p.contains("no process with id 'escalation'"))
        .anyMatch(p -> p.contains("[Activity_0x3k1ab]") && p.contains("generated id"))
        .anyMatch(p -> p.contains("[Flow_1]") && p.contains("generated id"))
        .anyMatch(p -> p.contains("unknown delegate 'pageEveryoneDelegate'"))
        .anyMatch(p -> p.contains("[notify]") && p.contains("camunda:class"))
        .anyMatch(p -> p.contains("no diagram"));
  }

  @Test
  void elementWithoutDiagramShapeIsReported(@TempDir Path dir) throws IOException {
    String model = Files.readString(WORKFLOWS.resolve("incident.bpmn"));
    String withoutTriageShape =
        model.replaceAll("(?s)<bpmndi:BPMNShape id=\"triage_di\".*?</bpmndi:BPMNShape>", "");
    assertThat(withoutTriageShape).isNotEqualTo(model);
    Files.writeString(dir.resolve("incident.bpmn"), withoutTriageShape);

    assertThat(linter.lint(dir))
        .containsExactly(new Problem("incident.bpmn", "triage", "no diagram shape"));
  }

  @Test
  void unparseableFileAndEmptyDirectoryAreReported(@TempDir Path dir) throws IOException {
    assertThat(linter.lint(dir))
        .extracting(Problem::message)
        .containsExactly("no *.bpmn or *.dmn files");

    Files.writeString(dir.resolve("broken.bpmn"), "<definitions>");

    assertThat(linter.lint(dir))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("cannot be parsed"));
  }

  private static final String BAD_MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                        id="badDefinitions" targetNamespace="https://opsflow.io/test">
        <bpmn:process id="other" isExecutable="false">
          <bpmn:startEvent id="started" />
          <bpmn:serviceTask id="Activity_0x3k1ab" camunda:delegateExpression="${pageEveryoneDelegate}" />
          <bpmn:serviceTask id="notify" camunda:class="com.example.Notify" />
          <bpmn:endEvent id="done" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="started" targetRef="Activity_0x3k1ab" />
          <bpmn:sequenceFlow id="toNotify" sourceRef="Activity_0x3k1ab" targetRef="notify" />
          <bpmn:sequenceFlow id="toDone" sourceRef="notify" targetRef="done" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
