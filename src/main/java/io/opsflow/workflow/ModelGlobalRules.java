package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * bpmnlint's recommended rule on the definitions a model shares (global): every message, error,
 * signal and escalation has a name no other of its kind has, and something refers to it.
 */
final class ModelGlobalRules {
  private static final Set<String> KINDS = Set.of("message", "error", "signal", "escalation");

  private ModelGlobalRules() {}

  static void check(BpmnModelInstance model, Report report) {
    DomElement definitions = model.getDocument().getRootElement();
    Set<String> referenced = new HashSet<>();
    collectReferences(definitions, referenced);
    List<DomElement> globals =
        definitions.getChildElements().stream()
            .filter(e -> KINDS.contains(e.getLocalName()))
            .toList();
    Map<String, Integer> names = new HashMap<>();
    for (DomElement global : globals) {
      names.merge(global.getLocalName() + "#" + name(global), 1, Integer::sum);
    }
    for (DomElement global : globals) {
      String kind = global.getLocalName();
      String id = global.getAttribute("id");
      if (name(global).isEmpty()) {
        report.add(id, kind + " has no name (global)");
      } else if (names.get(kind + "#" + name(global)) > 1) {
        report.add(id, kind + " name is not unique (global)");
      }
      if (!referenced.contains(id)) {
        report.add(id, kind + " is unused (global)");
      }
    }
  }

  private static void collectReferences(DomElement element, Set<String> referenced) {
    for (String kind : KINDS) {
      String ref = element.getAttribute(kind + "Ref");
      if (ref != null) {
        referenced.add(ref.substring(ref.indexOf(':') + 1));
      }
    }
    for (DomElement child : element.getChildElements()) {
      collectReferences(child, referenced);
    }
  }

  private static String name(DomElement global) {
    String name = global.getAttribute("name");
    return name == null ? "" : name.trim();
  }
}
