package io.opsflow.intake;

/** CloudEvents types and extension attributes of the records opsflow writes to its topics. */
public final class EnvelopeTypes {
  private EnvelopeTypes() {}

  public static final String ALERTMANAGER = "io.opsflow.alert.alertmanager.v4";
  public static final String PAGERDUTY = "io.opsflow.alert.pagerduty.v2";
  public static final String ACKNOWLEDGE = "io.opsflow.command.incident.acknowledge";
  public static final String RESOLVE = "io.opsflow.command.incident.resolve";

  /**
   * A person escalates: the next escalation level is paged now, and a response held back by a
   * maintenance window starts.
   */
  public static final String ESCALATE = "io.opsflow.command.incident.escalate";

  /** A person sets the priority; data {@code {"incidentId": ..., "priority": "P-1"}}. */
  public static final String PRIORITIZE = "io.opsflow.command.incident.prioritize";

  /** Pause (with a {@code reason}) or resume the incident's SLA clocks. */
  public static final String SLA_PAUSE = "io.opsflow.command.incident.sla_pause";

  public static final String SLA_RESUME = "io.opsflow.command.incident.sla_resume";

  /** A synthetic check result on {@code opsflow.checks}; data is one result object. */
  public static final String CHECK_RESULT = "io.opsflow.check.result.v1";

  /** Extension attribute: the integration (token) id that accepted the alert. */
  public static final String INTEGRATION = "integrationid";

  /** Extension attribute: the integration's name, for the timeline. */
  public static final String INTEGRATION_NAME = "integrationname";

  /** Extension attribute: the organization the record belongs to. */
  public static final String ORGANIZATION = "organizationid";

  /** Extension attribute: who asked for a command. */
  public static final String ACTOR = "actor";
}
