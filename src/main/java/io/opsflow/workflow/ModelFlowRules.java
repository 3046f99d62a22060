package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * bpmnlint's recommended rules on how a flow node is connected and named: every node has a sequence
 * flow, only start (and boundary) events start without one and only end events end without one
 * (compensation, event sub processes and link events connect otherwise); every node but a sub
 * process, a joining gateway or a parallel or event-based one has a name, and so has every
 * conditional flow, while a flow that decides nothing has none; an event has one event definition
 * at most. Each message ends with the bpmnlint rule. And one bpmnlint lacks: a node's incoming and
 * outgoing lists name exactly the flows that enter and leave it.
 */
final class ModelFlowRules {
  private ModelFlowRules() {}

  static void check(BpmnModelInstance model, Report report) {
    Map<String, Set<String>> into = new HashMap<>();
    Map<String, Set<String>> outOf = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      into.computeIfAbsent(flow.getTarget().getId(), k -> new TreeSet<>()).add(flow.getId());
      outOf.computeIfAbsent(flow.getSource().getId(), k -> new TreeSet<>()).add(flow.getId());
      if (flow.getConditionExpression() != null && blank(flow.getName())) {
        report.add(flow.getId(), "conditional flow has no name (label-required)");
      }
      FlowNode source = flow.getSource();
      boolean decides = source instanceof ExclusiveGateway || source instanceof InclusiveGateway;
      decides &= source.getOutgoing().size() > 1;
      decides |= flow.getConditionExpression() != null;
      decides |= flow.getId().equals(source.getAttributeValue("default"));
      if (!blank(flow.getName()) && !decides) {
        report.add(flow.getId(), "name of a flow that decides nothing (superfluous-label)");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      checkListed(node, "incoming", into.getOrDefault(node.getId(), Set.of()), report);
      checkListed(node, "outgoing", outOf.getOrDefault(node.getId(), Set.of()), report);
      checkConnected(node, report);
      checkNamed(node, report);
      if (node instanceof Event && node.getChildElementsByType(EventDefinition.class).size() > 1) {
        report.add(node.getId(), "event has several event definitions (single-event-definition)");
      }
    }
  }

  /**
   * The node's own incoming (or outgoing) list names the flows whose targetRef (or sourceRef) it
   * is: Camunda Modeler and the rules here read the lists, the engine follows the refs.
   */
  private static void checkListed(FlowNode node, String list, Set<String> flows, Report report) {
    DomElement element = node.getDomElement();
    Set<String> listed = new TreeSet<>();
    for (DomElement ref : element.getChildElementsByNameNs(element.getNamespaceURI(), list)) {
      listed.add(ref.getTextContent().trim());
    }
    if (!listed.equals(new TreeSet<>(flows))) {
      report.add(node.getId(), "bpmn:" + list + " lists " + listed + " but the flows are " + flows);
    }
  }

  private static void checkConnected(FlowNode node, Report report) {
    String id = node.getId();
    int in = node.getIncoming().size();
    int out = node.getOutgoing().size();
    boolean otherwise = node instanceof SubProcess sub && sub.triggeredByEvent();
    otherwise |= node instanceof Activity activity && activity.isForCompensation();
    otherwise |= node instanceof BoundaryEvent && has(node, CompensateEventDefinition.class);
    boolean connectable = node instanceof Task || node instanceof Gateway || node instanceof Event;
    if ((connectable || node instanceof SubProcess) && !otherwise && in == 0 && out == 0) {
      report.add(id, "element is not connected (no-disconnected)");
    }
    boolean starts = node instanceof StartEvent || node instanceof BoundaryEvent;
    starts |= node instanceof IntermediateCatchEvent && has(node, LinkEventDefinition.class);
    if (in == 0 && !starts && !otherwise) {
      report.add(id, "no incoming flow: an implicit start (no-implicit-start)");
    }
    boolean ends = node instanceof EndEvent;
    ends |= node instanceof IntermediateThrowEvent && has(node, LinkEventDefinition.class);
    if (out == 0 && !ends && !otherwise) {
      report.add(id, "no outgoing flow: an implicit end (no-implicit-end)");
    }
  }

  private static void checkNamed(FlowNode node, Report report) {
    boolean unnamed = node instanceof SubProcess || node instanceof ParallelGateway;
    unnamed |= node instanceof EventBasedGateway;
    unnamed |= node instanceof Gateway && node.getOutgoing().size() <= 1;
    if (!unnamed && blank(node.getName())) {
      report.add(node.getId(), "element has no name (label-required)");
    }
  }

  private static boolean has(FlowNode node, Class<? extends EventDefinition> definition) {
    return !node.getChildElementsByType(definition).isEmpty();
  }

  private static boolean blank(String name) {
    return name == null || name.isBlank();
  }
}
