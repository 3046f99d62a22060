package io.opsflow.workflow;

import java.util.Set;

/** Process ids, message names and variable names shared by the models and the code. */
public final class ProcessConstants {
  private ProcessConstants() {}

  /** Process id of {@code workflows/incident.bpmn}; business key = incident id. */
  public static final String INCIDENT_PROCESS = "incident";

  public static final String MSG_ACKNOWLEDGED = "incidentAcknowledged";
  public static final String MSG_RESOLVED = "incidentResolved";

  public static final String VAR_INCIDENT_ID = "incidentId";
  public static final String VAR_ORGANIZATION_ID = "organizationId";
  public static final String VAR_OPENED_AT = "openedAt";
  public static final String VAR_ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String VAR_RESOLVED_BY = "resolvedBy";

  /** Bean names used as {@code ${...}} delegate expressions in the models. */
  public static final String BEAN_TRIAGE = "triageDelegate";

  public static final String BEAN_RECORD_CLOSED = "recordClosedDelegate";

  /** Every bean name a model may reference; {@link EngineFactory} registers exactly these. */
  public static final Set<String> DELEGATE_BEANS = Set.of(BEAN_TRIAGE, BEAN_RECORD_CLOSED);
}
