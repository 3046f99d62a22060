package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.model.TicketProcessSteps;
import java.util.HashMap;
import java.util.Map;

/**
 * The named beans models may call as {@code ${name}}: exactly {@link
 * ProcessConstants#DELEGATE_BEANS}.
 */
final class DelegateBeans {
  private DelegateBeans() {}

  /** For engines without SLA clocks: every clock reads as stopped, so its process ends at once. */
  static final SlaProcessSteps NO_SLA =
      new SlaProcessSteps() {
        @Override
        public Schedule schedule(String clockId) {
          return Schedule.stopped();
        }

        @Override
        public void warn(String clockId) {}

        @Override
        public void breach(String clockId) {}

        @Override
        public void finish(String clockId) {}
      };

  static Map<Object, Object> delegates(
      IncidentProcessSteps incidentSteps, SlaProcessSteps slaSteps, TicketProcessSteps tickets) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(ProcessConstants.BEAN_TRIAGE_TICKET, new TicketDelegates.Triage(tickets));
    beans.put(ProcessConstants.BEAN_AUTO_CLOSE_TICKET, new TicketDelegates.AutoClose(tickets));
    beans.put(ProcessConstants.BEAN_SCHEDULE_SLA, new SlaDelegates.Schedule(slaSteps));
    beans.put(ProcessConstants.BEAN_WARN_SLA, new SlaDelegates.Warn(slaSteps));
    beans.put(ProcessConstants.BEAN_BREACH_SLA, new SlaDelegates.Breach(slaSteps));
    beans.put(ProcessConstants.BEAN_FINISH_SLA, new SlaDelegates.Finish(slaSteps));
    beans.put(ProcessConstants.BEAN_TRIAGE, new TriageDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_FREEZE_POLICY, new FreezePolicyDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_ESCALATE, new EscalateDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_RECORD_CLOSED, new RecordClosedDelegate(incidentSteps));
    beans.put(
        ProcessConstants.BEAN_REMIND_STATUS_UPDATE, new RemindStatusUpdateDelegate(incidentSteps));
    return beans;
  }
}
