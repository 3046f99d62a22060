package io.opsflow.ticket.model;

/**
 * What the ticket process ({@code workflows/ticket.bpmn}) calls back into opsflow. Each method is
 * one BPMN task; the ticket lives in opsflow's tables, so every step reads it afresh.
 */
public interface TicketProcessSteps {

  /**
   * Task {@code triageTicket}: records the triage on the timeline (priority, SLA due times) and
   * answers how long a resolved ticket waits for a reply before it closes (ISO-8601 duration).
   */
  String triage(String ticketId);

  /**
   * Task {@code autoCloseTicket}: closes the ticket if it is still resolved; false when it was
   * reopened meanwhile (the process then waits for the next resolution).
   */
  boolean autoClose(String ticketId);

  /** For engines without tickets: a week's quiet period, nothing closed. */
  TicketProcessSteps NONE =
      new TicketProcessSteps() {
        @Override
        public String triage(String ticketId) {
          return "P7D";
        }

        @Override
        public boolean autoClose(String ticketId) {
          return true;
        }
      };
}
