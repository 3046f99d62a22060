package io.opsflow.workflow;

import io.opsflow.workflow.WorkflowFiles.WorkflowFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Checks the models in a workflows directory against opsflow's rules: executable, history time to
 * live set, process (or decision) id equal to the file name, readable ids, only known delegate
 * beans, and a diagram layout for every element so the file opens in Camunda Modeler.
 */
public final class ModelLinter {
  /** Ids as modelling tools generate them: {@code Activity_0x3k1ab}, {@code Flow_1}. */
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[0-9a-z]*[0-9][0-9a-z]*");

  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Set<String> knownDelegates;

  /** A rule a model breaks. {@code element} is the offending id, or empty for the whole file. */
  public record Problem(String file, String element, String message) {
    @Override
    public String toString() {
      return file + (element.isEmpty() ? "" : " [" + element + "]") + ": " + message;
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
    List<Problem> problems = new ArrayList<>();
    try {
      if (file.isBpmn()) {
        lintBpmn(
            file, Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())), problems);
      } else if (file.isDmn()) {
        lintDmn(file, Dmn.readModelFromStream(new ByteArrayInputStream(file.content())), problems);
      }
    } catch (RuntimeException e) {
      problems.add(new Problem(file.name(), "", "cannot be parsed: " + e.getMessage()));
    }
    return problems;
  }

  private void lintBpmn(WorkflowFile file, BpmnModelInstance model, List<Problem> problems) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    boolean idMatchesFile = false;
    for (Process process : processes) {
      idMatchesFile |= file.baseName().equals(process.getId());
      if (!process.isExecutable()) {
        problems.add(new Problem(file.name(), process.getId(), "process is not executable"));
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(
            new Problem(file.name(), process.getId(), "camunda:historyTimeToLive missing"));
      }
    }
    if (!idMatchesFile) {
      problems.add(
          new Problem(file.name(), "", "no process with id '" + file.baseName() + "' (file name)"));
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (GENERATED_ID.matcher(element.getId()).matches()) {
        problems.add(
            new Problem(file.name(), element.getId(), "generated id; give it a readable one"));
      }
    }
    checkDelegates(file, model.getDocument().getRootElement(), "", problems);
    checkDiagram(file, model, problems);
  }

  /** Walks every element for camunda:delegateExpression and camunda:class attributes. */
  private void checkDelegates(
      WorkflowFile file, DomElement element, String enclosingId, List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    String ns = CAMUNDA_NS;
    if (element.hasAttribute(ns, "class")) {
      problems.add(
          new Problem(file.name(), id, "camunda:class used; reference a named bean ${...}"));
    }
    if (element.hasAttribute(ns, "delegateExpression")) {
      String expression = element.getAttribute(ns, "delegateExpression");
      Matcher bean = BEAN_REFERENCE.matcher(expression.trim());
      if (!bean.matches()) {
        problems.add(new Problem(file.name(), id, "delegate expression is not ${beanName}"));
      } else if (!knownDelegates.contains(bean.group(1))) {
        problems.add(
            new Problem(
                file.name(),
                id,
                "unknown delegate '"
                    + bean.group(1)
                    + "'; known: "
                    + new TreeSet<>(knownDelegates)));
      }
    }
    for (DomElement child : element.getChildElements()) {
      checkDelegates(file, child, id, problems);
    }
  }

  private static void checkDiagram(
      WorkflowFile file, BpmnModelInstance model, List<Problem> problems) {
    if (model.getDefinitions().getBpmDiagrams().isEmpty()) {
      problems.add(new Problem(file.name(), "", "no diagram (bpmndi:BPMNDiagram)"));
      return;
    }
    Set<String> shapes = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null && shape.getBounds() != null) {
        shapes.add(shape.getBpmnElement().getId());
      }
    }
    Set<String> edges = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2) {
        edges.add(edge.getBpmnElement().getId());
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        problems.add(new Problem(file.name(), node.getId(), "no diagram shape"));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        problems.add(new Problem(file.name(), flow.getId(), "no diagram edge with waypoints"));
      }
    }
  }

  private static void lintDmn(WorkflowFile file, DmnModelInstance model, List<Problem> problems) {
    boolean idMatchesFile = false;
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      idMatchesFile |= file.baseName().equals(decision.getId());
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(
            new Problem(file.name(), decision.getId(), "camunda:historyTimeToLive missing"));
      }
      if (GENERATED_ID.matcher(decision.getId()).matches()) {
        problems.add(
            new Problem(file.name(), decision.getId(), "generated id; give it a readable one"));
      }
    }
    if (!idMatchesFile) {
      problems.add(
          new Problem(
              file.name(), "", "no decision with id '" + file.baseName() + "' (file name)"));
    }
    boolean hasDiagram =
        model.getDocument().getRootElement().getChildElements().stream()
            .anyMatch(child -> "DMNDI".equals(child.getLocalName()));
    if (!hasDiagram) {
      problems.add(new Problem(file.name(), "", "no diagram (dmndi:DMNDI)"));
    }
  }
}
