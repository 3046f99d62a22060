package io.opsflow.workflow;

import java.util.Set;

/** Process ids, message names and variable names shared by the models and the code. */
public final class ProcessConstants {
  private ProcessConstants() {}

  /** Process id of {@code workflows/incident.bpmn}; business key = incident id. */
  public static final String INCIDENT_PROCESS = "incident";

  /** Decision id of {@code workflows/triage.dmn}, evaluated by the {@code triage} task. */
  public static final String TRIAGE_DECISION = "triage";

  /** Outputs of the triage decision: {@code P-0}/{@code P-1}/{@code P-2}, policy id or empty. */
  public static final String TRIAGE_OUT_PRIORITY = "priority";

  public static final String TRIAGE_OUT_POLICY = "policy";

  public static final String MSG_ACKNOWLEDGED = "incidentAcknowledged";
  public static final String MSG_RESOLVED = "incidentResolved";

  /** A person escalates: the next escalation step runs now. */
  public static final String MSG_ESCALATED = "incidentEscalated";

  /** Who escalated last. */
  public static final String VAR_ESCALATED_BY = "escalatedBy";

  public static final String VAR_INCIDENT_ID = "incidentId";
  public static final String VAR_ORGANIZATION_ID = "organizationId";
  public static final String VAR_OPENED_AT = "openedAt";
  public static final String VAR_ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String VAR_RESOLVED_BY = "resolvedBy";

  /** Escalation policy id triage chose (string); empty: the default policy. */
  public static final String VAR_TRIAGE_POLICY = "triagePolicy";

  /**
   * The id of the escalation policy frozen when the incident started (the policy itself is kept in
   * opsflow's tables); empty: no escalation.
   */
  public static final String VAR_FROZEN_POLICY = "frozenPolicy";

  /** Index (int) of the escalation step the next {@code escalationDue} timer runs. */
  public static final String VAR_ESCALATION_STEP = "escalationStep";

  /** ISO-8601 duration the {@code escalationDue} timer waits before that step. */
  public static final String VAR_ESCALATION_DELAY = "escalationDelay";

  /**
   * {@link #OUTCOME_CONTINUE} or {@link #OUTCOME_STOP}; routes gateway {@code escalationGoesOn}.
   */
  public static final String VAR_ESCALATION_OUTCOME = "escalationOutcome";

  public static final String OUTCOME_CONTINUE = "continue";
  public static final String OUTCOME_STOP = "stop";

  /** Delay before the first escalation step: it runs as soon as the policy is frozen. */
  public static final String FIRST_ESCALATION_DELAY = "PT0S";

  /**
   * ISO-8601 repeating interval ({@code R/PT30M}) of timer {@code statusUpdateDue}, set by task
   * {@code triage} from the incident's priority.
   */
  public static final String VAR_STATUS_REMINDER_CYCLE = "statusReminderCycle";

  /** How many status updates task {@code remindStatusUpdate} has asked for. */
  public static final String VAR_STATUS_REMINDERS = "statusReminders";

  /** The SLA clock process ({@code workflows/sla.bpmn}); its business key is the clock id. */
  public static final String SLA_PROCESS = "sla";

  public static final String MSG_SLA_UPDATED = "slaUpdated";
  public static final String VAR_CLOCK_ID = "clockId";

  /** running, warned, breached, paused or stopped: the route at gateway {@code slaState}. */
  public static final String VAR_SLA_STATE = "slaState";

  /** ISO-8601 instants of the warning and breach timers. */
  public static final String VAR_SLA_WARN_AT = "slaWarnAt";

  public static final String VAR_SLA_DUE_AT = "slaDueAt";

  public static final String BEAN_SCHEDULE_SLA = "scheduleSlaDelegate";
  public static final String BEAN_WARN_SLA = "warnSlaDelegate";
  public static final String BEAN_BREACH_SLA = "breachSlaDelegate";
  public static final String BEAN_FINISH_SLA = "finishSlaDelegate";

  /** Bean names used as {@code ${...}} delegate expressions in the models. */
  public static final String BEAN_TRIAGE = "triageDelegate";

  public static final String BEAN_FREEZE_POLICY = "freezePolicyDelegate";
  public static final String BEAN_ESCALATE = "escalateDelegate";
  public static final String BEAN_RECORD_CLOSED = "recordClosedDelegate";
  public static final String BEAN_REMIND_STATUS_UPDATE = "remindStatusUpdateDelegate";

  /** Every bean name a model may reference; {@link EngineFactory} registers exactly these. */
  /** The ticket process ({@code workflows/ticket.bpmn}); its business key is the ticket id. */
  public static final String TICKET_PROCESS = "ticket";

  public static final String MSG_TICKET_RESOLVED = "ticketResolved";
  public static final String MSG_TICKET_REOPENED = "ticketReopened";
  public static final String MSG_TICKET_CLOSED = "ticketClosed";
  public static final String VAR_TICKET_ID = "ticketId";

  /** ISO-8601 duration a resolved ticket waits for a reply before timer {@code quietPeriodOver}. */
  public static final String VAR_AUTO_CLOSE_AFTER = "autoCloseAfter";

  /** Whether task {@code autoCloseTicket} closed the ticket (false: it was reopened meanwhile). */
  public static final String VAR_TICKET_CLOSED = "ticketClosed";

  public static final String BEAN_TRIAGE_TICKET = "triageTicketDelegate";
  public static final String BEAN_AUTO_CLOSE_TICKET = "autoCloseTicketDelegate";

  public static final Set<String> DELEGATE_BEANS =
      Set.of(
          BEAN_TRIAGE_TICKET,
          BEAN_AUTO_CLOSE_TICKET,
          BEAN_TRIAGE,
          BEAN_FREEZE_POLICY,
          BEAN_ESCALATE,
          BEAN_RECORD_CLOSED,
          BEAN_REMIND_STATUS_UPDATE,
          BEAN_SCHEDULE_SLA,
          BEAN_WARN_SLA,
          BEAN_BREACH_SLA,
          BEAN_FINISH_SLA);
}
