package io.opsflow.ticket.mail;

import io.opsflow.kafka.CloudEvent;

/**
 * Where ticket commands from mail go: {@code opsflow.tickets}. The composition root passes the HTTP
 * intake's publisher, which returns only once Kafka acknowledged the record (acks=all).
 */
@FunctionalInterface
public interface TicketLog {

  /**
   * Writes the command envelope keyed by its ticket id.
   *
   * @throws RuntimeException when Kafka did not acknowledge it; the mail is then tried again later
   */
  void append(String ticketId, CloudEvent envelope);
}
