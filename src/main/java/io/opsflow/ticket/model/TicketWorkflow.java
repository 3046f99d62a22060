package io.opsflow.ticket.model;

/**
 * Port to the ticket process ({@code workflows/ticket.bpmn}). Every call is idempotent: a message
 * the process no longer waits for is ignored, a start for a ticket that has a process starts none.
 */
public interface TicketWorkflow {
  void start(String ticketId, String organizationId);

  /**
   * As {@link #start(String, String)}. {@code firstDelivery} tells that no earlier call for this
   * start can have reached the engine, so the look-up for an existing process may be skipped.
   */
  default void start(String ticketId, String organizationId, boolean firstDelivery) {
    start(ticketId, organizationId);
  }

  void resolved(String ticketId);

  void reopened(String ticketId);

  void closed(String ticketId);

  /** Does nothing: for tools and tests without an engine. */
  static TicketWorkflow none() {
    return new TicketWorkflow() {
      @Override
      public void start(String ticketId, String organizationId) {}

      @Override
      public void resolved(String ticketId) {}

      @Override
      public void reopened(String ticketId) {}

      @Override
      public void closed(String ticketId) {}
    };
  }
}
