package io.opsflow.workflow;

import io.opsflow.workflow.ModelLinter.Report;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * opsflow's own rules for a process model: executable, history time to live set, a process whose id
 * is the file name, readable ids, and only delegate beans opsflow registers.
 */
final class ModelConventions {
  /** Ids as modelling tools generate them: {@code Activity_0x3k1ab}, {@code Flow_1}. */
  static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[0-9a-z]*[0-9][0-9a-z]*");

  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Set<String> knownDelegates;

  ModelConventions(Set<String> knownDelegates) {
    this.knownDelegates = knownDelegates;
  }

  void check(String baseName, BpmnModelInstance model, Report report) {
    boolean idMatchesFile = false;
    for (Process process : model.getModelElementsByType(Process.class)) {
      idMatchesFile |= baseName.equals(process.getId());
      if (!process.isExecutable()) {
        report.add(process.getId(), "process is not executable");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        report.add(process.getId(), "camunda:historyTimeToLive missing");
      }
    }
    if (!idMatchesFile) {
      report.add("", "no process with id '" + baseName + "' (file name)");
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (GENERATED_ID.matcher(element.getId()).matches()) {
        report.add(element.getId(), "generated id; give it a readable one");
      }
    }
    checkDelegates(model.getDocument().getRootElement(), "", report);
  }

  /** Walks every element for camunda:delegateExpression and camunda:class attributes. */
  private void checkDelegates(DomElement element, String enclosingId, Report report) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    if (element.hasAttribute(CAMUNDA_NS, "class")) {
      report.add(id, "camunda:class used; reference a named bean ${...}");
    }
    if (element.hasAttribute(CAMUNDA_NS, "delegateExpression")) {
      String expression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
      Matcher bean = BEAN_REFERENCE.matcher(expression.trim());
      if (!bean.matches()) {
        report.add(id, "delegate expression is not ${beanName}");
      } else if (!knownDelegates.contains(bean.group(1))) {
        report.add(
            id,
            "unknown delegate '" + bean.group(1) + "'; known: " + new TreeSet<>(knownDelegates));
      }
    }
    for (DomElement child : element.getChildElements()) {
      checkDelegates(child, id, report);
    }
  }
}
