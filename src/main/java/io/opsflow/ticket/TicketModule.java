package io.opsflow.ticket;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.Platform;
import io.opsflow.config.TicketsConfig;
import io.opsflow.http.Routed;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.kafka.Subscribed;
import io.opsflow.kafka.Subscription;
import io.opsflow.kafka.Topics;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Support tickets: the handler of {@code opsflow.tickets}, the steps of the ticket process, the
 * tickets an incident opens, and the ticket routes. Mail in is the mail module's.
 */
public final class TicketModule implements Routed, Subscribed {
  public static final String TICKETS_GROUP = "opsflow-tickets";

  private final Parts p;
  private final TicketsConfig config;
  private final TicketApplier applier;
  private final TicketSteps steps;
  private final TicketQueries queries;
  private final TicketActions actions;

  /** What tickets need; {@code pages} is the sender of the alerts a ticket pages with. */
  public record Parts(
      Platform platform,
      AccessModule access,
      SlaClocks clocks,
      Function<String, Envelopes.Sender> pages) {}

  private TicketModule(Parts p) {
    this.p = p;
    Platform base = p.platform();
    this.config = base.config().tickets();
    this.applier =
        new TicketApplier(
            p.clocks(),
            new TicketEventCodec(),
            new TicketMails(base.publicUrl()),
            base.config().smtpConfigured(),
            config.ticketPagePriorities(),
            new TicketAlerts(p.pages()));
    this.steps =
        new TicketSteps(
            base.db(),
            applier,
            p.clocks(),
            config.autoCloseAfter(),
            base.wake().outboxes(),
            base.clock());
    this.queries = new TicketQueries(base.db(), p.clocks());
    this.actions = new TicketActions(queries, p.access().users(), base.publisher(), base.clock());
  }

  public static TicketModule start(Parts p) {
    return new TicketModule(p);
  }

  /** The customer tickets incidents of the configured priorities open. */
  public IncidentTickets incidentTickets() {
    return new IncidentTickets(applier, config.incidentTicketPriorities());
  }

  /** The steps of the ticket process. */
  public TicketSteps steps() {
    return steps;
  }

  /** How ticket events are written to {@code opsflow.events}. */
  public Function<TicketEvent, OutgoingRecord> events() {
    return new TicketEventCodec();
  }

  public TicketQueries queries() {
    return queries;
  }

  public TicketActions actions() {
    return actions;
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(
        new TicketRoutes(p.access().auth(), queries, actions, p.access().users())::register);
  }

  @Override
  public List<Subscription> subscriptions() {
    return List.of(
        Subscription.of(
            TICKETS_GROUP,
            Topics.TICKETS,
            new TicketRecordHandler(
                TICKETS_GROUP,
                p.platform().db(),
                applier,
                p.platform().wake().all(),
                p.platform().metrics())));
  }
}
