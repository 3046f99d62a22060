package io.opsflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the process variables the delegates need. */
final class ProcessVariables {
  private ProcessVariables() {}

  /** The {@code incidentId} variable, or the business key if the variable is missing. */
  static String incidentId(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessConstants.VAR_INCIDENT_ID);
    if (id != null) {
      return id.toString();
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException(
          "process instance " + execution.getProcessInstanceId() + " has no incident id");
    }
    return businessKey;
  }
}
