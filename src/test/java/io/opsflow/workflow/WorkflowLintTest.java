package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.workflow.ModelLinter.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code workflows/} follows the rules, and the linter can tell when one does not.
 * Each model under {@code src/test/resources/lint/} breaks the bpmnlint rule it is named after
 * (bpmnlint flags it too), or one of opsflow's own that bpmnlint lacks (edges-attached,
 * incoming-outgoing-lists); its {@code <!-- lint: ... -->} comments list what the linter reports.
 */
class WorkflowLintTest {
  private static final Path WORKFLOWS = Path.of("workflows");

  private static final Path BROKEN = Path.of("src/test/resources/lint");

  private static final Pattern EXPECTED = Pattern.compile("<!-- lint: (.*?) -->");

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenModels")
  void brokenModelIsReportedForWhatItBreaks(String name, @TempDir Path dir) throws IOException {
    String model = Files.readString(BROKEN.resolve(name));
    List<String> expected = EXPECTED.matcher(model).results().map(m -> m.group(1)).toList();
    assertThat(expected).isNotEmpty();
    Files.writeString(dir.resolve(name), model);

    List<String> problems =
        linter.lint(dir).stream()
            .map(p -> (p.element().isEmpty() ? "" : "[" + p.element() + "] ") + p.message())
            .toList();

    assertThat(problems).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Stream<String> brokenModels() throws IOException {
    try (Stream<Path> files = Files.list(BROKEN)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
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
