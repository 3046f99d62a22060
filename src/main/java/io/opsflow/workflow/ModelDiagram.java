package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * The diagram layout, so the file opens in Camunda Modeler as drawn: a shape for every flow node
 * and an edge for every sequence flow (bpmnlint's no-bpmndi), edges that start at their source's
 * shape and end at their target's, and shapes that do not overlap one another or stick out of their
 * sub process (no-overlapping-elements).
 */
final class ModelDiagram {
  /** How far, in diagram units, an edge's end may lie outside the shape it attaches to. */
  private static final double SLACK = 5;

  private record Box(double x, double y, double width, double height) {
    boolean collides(Box o) {
      return x <= o.x + o.width && o.x <= x + width && y <= o.y + o.height && o.y <= y + height;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height;
    }

    boolean near(Waypoint p) {
      return p.getX() >= x - SLACK
          && p.getX() <= x + width + SLACK
          && p.getY() >= y - SLACK
          && p.getY() <= y + height + SLACK;
    }
  }

  private ModelDiagram() {}

  static void check(BpmnModelInstance model, Report report) {
    if (model.getDefinitions().getBpmDiagrams().isEmpty()) {
      report.add("", "no diagram (bpmndi:BPMNDiagram)");
      return;
    }
    Map<String, Box> boxes = new HashMap<>();
    Map<String, Boolean> expanded = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      Bounds b = shape.getBounds();
      if (shape.getBpmnElement() != null && b != null) {
        String id = shape.getBpmnElement().getId();
        boxes.put(id, new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight()));
        expanded.put(id, shape.isExpanded());
      }
    }
    Map<String, List<Waypoint>> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2) {
        edges.put(edge.getBpmnElement().getId(), List.copyOf(edge.getWaypoints()));
      }
    }
    Map<String, List<FlowNode>> scopes = new LinkedHashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!boxes.containsKey(node.getId())) {
        report.add(node.getId(), "no diagram shape");
        continue;
      }
      String scope = ((BaseElement) node.getParentElement()).getId();
      scopes.computeIfAbsent(scope, s -> new ArrayList<>()).add(node);
      Box parent = boxes.get(scope);
      if (node.getParentElement() instanceof SubProcess
          && parent != null
          && Boolean.TRUE.equals(expanded.get(scope))
          && !parent.contains(boxes.get(node.getId()))) {
        report.add(node.getId(), "shape is outside its sub process (no-overlapping-elements)");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<Waypoint> points = edges.get(flow.getId());
      if (points == null) {
        report.add(flow.getId(), "no diagram edge with waypoints");
        continue;
      }
      Box source = boxes.get(flow.getSource().getId());
      Box target = boxes.get(flow.getTarget().getId());
      if (source != null && !source.near(points.get(0))) {
        report.add(flow.getId(), "edge does not start at its source's shape");
      }
      if (target != null && !target.near(points.get(points.size() - 1))) {
        report.add(flow.getId(), "edge does not end at its target's shape");
      }
    }
    for (List<FlowNode> nodes : scopes.values()) {
      checkOverlaps(nodes, boxes, report);
    }
  }

  private static void checkOverlaps(List<FlowNode> nodes, Map<String, Box> boxes, Report report) {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (!attached(a, b) && boxes.get(a.getId()).collides(boxes.get(b.getId()))) {
          report.add(a.getId(), "shape overlaps " + b.getId() + " (no-overlapping-elements)");
        }
      }
    }
  }

  /** A boundary event sits on its host's border. */
  private static boolean attached(FlowNode a, FlowNode b) {
    return a instanceof BoundaryEvent e && e.getAttachedTo().getId().equals(b.getId())
        || b instanceof BoundaryEvent f && f.getAttachedTo().getId().equals(a.getId());
  }
}
