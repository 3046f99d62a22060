package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * bpmnlint's recommended rules on where flows join and fork: a gateway joins or forks, never both,
 * and does one of them; an activity or event neither joins flows nor splits them (a gateway does);
 * an event-based gateway forks to two or more unconditioned flows; once a node has a default or
 * conditional flow out, all of them have a condition; no inclusive or complex gateways. Each
 * message ends with the bpmnlint rule.
 */
final class ModelBranchRules {
  private ModelBranchRules() {}

  static void check(BpmnModelInstance model, Report report) {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      check(node, report);
    }
  }

  private static void check(FlowNode node, Report report) {
    String id = node.getId();
    int in = node.getIncoming().size();
    int out = node.getOutgoing().size();
    if (node instanceof Gateway && in > 1 && out > 1) {
      report.add(
          id,
          "gateway joins and forks; join in one gateway, fork in the next"
              + " (no-gateway-join-fork)");
    }
    if (node instanceof Gateway && in == 1 && out == 1) {
      report.add(id, "gateway with one flow in and one out does nothing (superfluous-gateway)");
    }
    boolean activityOrEvent = node instanceof Activity || node instanceof Event;
    if (activityOrEvent && in > 1) {
      report.add(id, "incoming flows do not join; join them in a gateway before (fake-join)");
    }
    if (activityOrEvent && unconditioned(node) > 1) {
      report.add(id, "flow splits implicitly; fork in a gateway after (no-implicit-split)");
    }
    if (node instanceof EventBasedGateway) {
      if (out < 2) {
        report.add(id, "event-based gateway forks to fewer than two flows (event-based-gateway)");
      }
      for (SequenceFlow flow : node.getOutgoing()) {
        if (flow.getConditionExpression() != null) {
          report.add(
              flow.getId(),
              "flow out of an event-based gateway has a condition" + " (event-based-gateway)");
        }
      }
    }
    checkConditions(node, report);
    if (node instanceof InclusiveGateway) {
      report.add(id, "inclusive gateway is discouraged (no-inclusive-gateway)");
    }
    if (node instanceof ComplexGateway) {
      report.add(id, "complex gateway is discouraged (no-complex-gateway)");
    }
  }

  private static void checkConditions(FlowNode node, Report report) {
    Collection<SequenceFlow> outgoing = node.getOutgoing();
    boolean conditional =
        node.getAttributeValue("default") != null
            || outgoing.stream().anyMatch(flow -> flow.getConditionExpression() != null);
    if (conditional) {
      for (SequenceFlow flow : outgoing) {
        if (flow.getConditionExpression() == null && !isDefault(node, flow)) {
          report.add(flow.getId(), "sequence flow has no condition (conditional-flows)");
        }
      }
    }
  }

  /** Outgoing flows that are neither conditional nor the default. */
  private static long unconditioned(FlowNode node) {
    return node.getOutgoing().stream()
        .filter(flow -> flow.getConditionExpression() == null && !isDefault(node, flow))
        .count();
  }

  private static boolean isDefault(FlowNode node, SequenceFlow flow) {
    return flow.getId().equals(node.getAttributeValue("default"));
  }
}
