package io.opsflow.ticket.model;

import java.util.Locale;

/** Where a ticket stands. A customer's reply moves a waiting or resolved ticket back to open. */
public enum TicketStatus {
  NEW("new"),
  OPEN("open"),
  WAITING_ON_CUSTOMER("waiting-on-customer"),
  RESOLVED("resolved"),
  CLOSED("closed");

  private final String wire;

  TicketStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses the wire name ({@code waiting_on_customer} is taken too); empty when unknown. */
  public static java.util.Optional<TicketStatus> parse(String s) {
    if (s == null) {
      return java.util.Optional.empty();
    }
    String w = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (TicketStatus t : values()) {
      if (t.wire.equals(w)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }

  /** Resolved and closed tickets are done; the rest are open work. */
  public boolean done() {
    return this == RESOLVED || this == CLOSED;
  }
}
