package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;

/**
 * bpmnlint's recommended rules on a scope (a process or a sub process): it has a start and an end
 * event, at most one blank start event, a sub process starts blank and an event sub process typed,
 * a terminate end event is not its only way to end, and no two sequence flows are the same. Each
 * message ends with the bpmnlint rule.
 */
final class ModelScopeRules {
  private ModelScopeRules() {}

  static void check(BpmnModelInstance model, Report report) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      checkScope(process.getId(), "process", process.getFlowElements(), report);
    }
    for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
      String kind = sub.triggeredByEvent() ? "event sub process" : "sub process";
      checkScope(sub.getId(), kind, sub.getFlowElements(), report);
      for (StartEvent start : elements(sub.getFlowElements(), StartEvent.class)) {
        boolean blank = start.getEventDefinitions().isEmpty();
        if (sub.triggeredByEvent() && blank) {
          report.add(
              start.getId(), "start event must be typed (event-sub-process-typed-start-event)");
        } else if (!sub.triggeredByEvent() && !blank) {
          report.add(start.getId(), "start event must be blank (sub-process-blank-start-event)");
        }
      }
    }
  }

  private static void checkScope(
      String id, String kind, Collection<FlowElement> elements, Report report) {
    List<StartEvent> starts = elements(elements, StartEvent.class);
    if (starts.isEmpty()) {
      report.add(id, kind + " has no start event (start-event-required)");
    }
    if (elements(elements, EndEvent.class).isEmpty()) {
      report.add(id, kind + " has no end event (end-event-required)");
    }
    if (starts.stream().filter(start -> start.getEventDefinitions().isEmpty()).count() > 1) {
      report.add(id, kind + " has several blank start events (single-blank-start-event)");
    }
    checkTermination(elements, report);
    Set<String> seen = new HashSet<>();
    for (SequenceFlow flow : elements(elements, SequenceFlow.class)) {
      ConditionExpression condition = flow.getConditionExpression();
      String key =
          flow.getSource().getId()
              + "#"
              + flow.getTarget().getId()
              + "#"
              + (condition == null ? "" : condition.getTextContent().trim());
      if (!seen.add(key)) {
        report.add(flow.getId(), "sequence flow is a duplicate (no-duplicate-sequence-flows)");
      }
    }
  }

  /** A terminate end event where it is the scope's only end does what a plain end event does. */
  private static void checkTermination(Collection<FlowElement> elements, Report report) {
    List<FlowNode> ends =
        elements(elements, FlowNode.class).stream().filter(n -> n.getOutgoing().isEmpty()).toList();
    List<FlowNode> terminates = ends.stream().filter(ModelScopeRules::terminates).toList();
    boolean superfluous =
        terminates.size() == 1
            && ends.stream().allMatch(n -> terminates(n) || interruptingEventSubProcess(n));
    if (superfluous) {
      report.add(terminates.get(0).getId(), "termination is superfluous (superfluous-termination)");
    }
  }

  private static boolean terminates(FlowNode node) {
    return node instanceof EndEvent
        && !node.getChildElementsByType(TerminateEventDefinition.class).isEmpty();
  }

  private static boolean interruptingEventSubProcess(FlowNode node) {
    return node instanceof SubProcess sub
        && sub.triggeredByEvent()
        && elements(sub.getFlowElements(), StartEvent.class).stream()
            .anyMatch(StartEvent::isInterrupting);
  }

  private static <T extends FlowElement> List<T> elements(
      Collection<FlowElement> elements, Class<T> type) {
    return elements.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
