package io.opsflow.workflow;

import io.opsflow.workflow.WorkflowFiles.WorkflowFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Checks the models in a workflows directory against opsflow's rules: executable, history time to
 * live set, process (or decision) id equal to the file name, readable ids, only known delegate
 * beans ({@link ModelConventions}); bpmnlint's recommended rules on shared definitions, scopes,
 * joins and forks, connections and names ({@link ModelGlobalRules}, {@link ModelScopeRules}, {@link
 * ModelBranchRules}, {@link ModelFlowRules}); and a sensible diagram layout for every element so
 * the file opens in Camunda Modeler ({@link ModelDiagram}).
 */
public final class ModelLinter {
  private final Set<String> knownDelegates;

  /** A rule a model breaks. {@code element} is the offending id, or empty for the whole file. */
  public record Problem(String file, String element, String message) {
    @Override
    public String toString() {
      return file + (element.isEmpty() ? "" : " [" + element + "]") + ": " + message;
    }
  }

  /** Collects the problems of one file. */
  static final class Report {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Report(String file) {
      this.file = file;
    }

    void add(String element, String message) {
      problems.add(new Problem(file, element == null ? "" : element, message));
    }

    List<Problem> problems() {
      return problems;
    }
  }

  public ModelLinter(Set<String> knownDelegates) {
    this.knownDelegates = Set.copyOf(knownDelegates);
  }

  /** A linter that knows the delegates {@link EngineFactory} registers. */
  public static ModelLinter forOpsflow() {
    return new ModelLinter(ProcessConstants.DELEGATE_BEANS);
  }

  /** Lints every {@code *.bpmn} and {@code *.dmn} directly inside {@code dir}. */
  public List<Problem> lint(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of(new Problem(dir.toString(), "", "not a directory"));
    }
    List<WorkflowFile> files = WorkflowFiles.read(dir);
    if (files.isEmpty()) {
      return List.of(new Problem(dir.toString(), "", "no *.bpmn or *.dmn files"));
    }
    return lint(files);
  }

  public List<Problem> lint(List<WorkflowFile> files) {
    List<Problem> problems = new ArrayList<>();
    for (WorkflowFile file : files) {
      problems.addAll(lint(file));
    }
    return List.copyOf(problems);
  }

  public List<Problem> lint(WorkflowFile file) {
    Objects.requireNonNull(file, "file");
    Report report = new Report(file.name());
    try {
      if (file.isBpmn()) {
        lintBpmn(file, Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())), report);
      } else if (file.isDmn()) {
        lintDmn(file, Dmn.readModelFromStream(new ByteArrayInputStream(file.content())), report);
      }
    } catch (RuntimeException e) {
      report.add("", "cannot be parsed: " + e.getMessage());
    }
    return report.problems();
  }

  private void lintBpmn(WorkflowFile file, BpmnModelInstance model, Report report) {
    new ModelConventions(knownDelegates).check(file.baseName(), model, report);
    ModelGlobalRules.check(model, report);
    ModelScopeRules.check(model, report);
    ModelBranchRules.check(model, report);
    ModelFlowRules.check(model, report);
    ModelDiagram.check(model, report);
  }

  private static void lintDmn(WorkflowFile file, DmnModelInstance model, Report report) {
    boolean idMatchesFile = false;
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      idMatchesFile |= file.baseName().equals(decision.getId());
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        report.add(decision.getId(), "camunda:historyTimeToLive missing");
      }
      if (ModelConventions.GENERATED_ID.matcher(decision.getId()).matches()) {
        report.add(decision.getId(), "generated id; give it a readable one");
      }
    }
    if (!idMatchesFile) {
      report.add("", "no decision with id '" + file.baseName() + "' (file name)");
    }
    boolean hasDiagram =
        model.getDocument().getRootElement().getChildElements().stream()
            .anyMatch(child -> "DMNDI".equals(child.getLocalName()));
    if (!hasDiagram) {
      report.add("", "no diagram (dmndi:DMNDI)");
    }
  }
}
