package io.opsflow.ticket.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a command does to a ticket: its new state, the lines for its timeline, how its SLA clocks
 * move, whether the customer is told, and what the ticket's process hears. Pure: no storage.
 *
 * <p>The first public reply by an SRE is the qualifying response (it stops the response clock);
 * waiting on the customer pauses the clocks and the customer's reply resumes them; resolving pauses
 * the resolution clock until the ticket is closed (it stops) or reopened (it resumes).
 */
public final class TicketRules {
  public static final Set<String> PRIORITIES = Set.of("P-0", "P-1", "P-2");

  private TicketRules() {}

  /** A command that cannot apply to the ticket as it is, with the reason. */
  public static final class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason);
    }
  }

  /** How the ticket's SLA clocks move. */
  public enum Clocks {
    STOP_RESPONSE,
    PAUSE_ALL,
    PAUSE_RESOLUTION,
    RESUME_ALL,
    STOP_ALL,
    RETARGET
  }

  /** What the ticket's process is told. */
  public enum Signal {
    RESOLVED,
    REOPENED,
    CLOSED
  }

  /** The outcome of a command. */
  public record Decision(
      Ticket ticket,
      List<String> notes,
      List<Clocks> clocks,
      String clockReason,
      boolean tellCustomer,
      Signal signal) {
    public Decision {
      notes = List.copyOf(notes);
      clocks = List.copyOf(clocks);
    }
  }

  public static Decision comment(Ticket t, Visibility v, Actor a, Instant at) {
    if (t.status() == TicketStatus.CLOSED) {
      throw new Refused("ticket " + t.reference() + " is closed; open a new one");
    }
    if (v == Visibility.INTERNAL) {
      if (a.customer()) {
        throw new Refused("customers cannot write internal notes");
      }
      return new Decision(t, List.of(), List.of(), null, false, null);
    }
    List<String> notes = new ArrayList<>();
    List<Clocks> clocks = new ArrayList<>();
    Ticket next = t;
    Signal signal = null;
    if (a.customer()) {
      next = t.withCustomerActivity(at);
      if (t.status() == TicketStatus.WAITING_ON_CUSTOMER) {
        next = next.withStatus(TicketStatus.OPEN, at);
        notes.add("The customer replied: open again, SLA clocks resume");
        clocks.add(Clocks.RESUME_ALL);
      } else if (t.status() == TicketStatus.RESOLVED) {
        next = next.withStatus(TicketStatus.OPEN, at);
        notes.add("Reopened by the customer's reply");
        clocks.add(Clocks.RESUME_ALL);
        signal = Signal.REOPENED;
      }
    } else {
      if (t.status() == TicketStatus.NEW) {
        next = t.withStatus(TicketStatus.OPEN, at);
        notes.add("First response by " + a.name());
      }
      clocks.add(Clocks.STOP_RESPONSE);
    }
    return new Decision(next, notes, clocks, null, true, signal);
  }

  /** A status change: waiting on the customer, open again, resolved or closed. */
  public static Decision status(Ticket t, TicketStatus to, String reason, Actor a, Instant at) {
    return TicketStatusRules.status(t, to, reason, a, at);
  }

  public static Decision prioritize(Ticket t, String priority, String reason, Actor a, Instant at) {
    staffOnly(a, "change a ticket's priority");
    if (!PRIORITIES.contains(priority)) {
      throw new Refused("priority must be P-0, P-1 or P-2, not '" + priority + "'");
    }
    if (reason == null || reason.isBlank()) {
      throw new Refused("a priority change needs a reason");
    }
    if (priority.equals(t.priority())) {
      return new Decision(t, List.of(), List.of(), null, false, null);
    }
    return new Decision(
        t.withPriority(priority, at),
        List.of("Priority " + t.priority() + " → " + priority + " by " + a.name() + ": " + reason),
        List.of(Clocks.RETARGET),
        null,
        false,
        null);
  }

  public static Decision assign(
      Ticket t, String assigneeId, String assigneeName, Actor a, Instant at) {
    staffOnly(a, "assign tickets");
    if (java.util.Objects.equals(t.assigneeId(), assigneeId)) {
      return new Decision(t, List.of(), List.of(), null, false, null);
    }
    Ticket next = t.withAssignee(assigneeId, at);
    if (t.status() == TicketStatus.NEW && assigneeId != null) {
      next = next.withStatus(TicketStatus.OPEN, at);
    }
    String line =
        assigneeId == null
            ? "Unassigned by " + a.name()
            : "Assigned to " + assigneeName + " by " + a.name();
    return new Decision(next, List.of(line), List.of(), null, false, null);
  }

  static void staffOnly(Actor a, String what) {
    if (a.customer()) {
      throw new Refused("customers cannot " + what);
    }
  }
}
