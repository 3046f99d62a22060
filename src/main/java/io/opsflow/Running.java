package io.opsflow;

import io.opsflow.access.AccessModule;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.db.Database;
import io.opsflow.escalation.EscalationModule;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.KafkaModule;
import io.opsflow.notify.Effects;
import io.opsflow.notify.NotifyModule;
import io.opsflow.sla.SlaConfig;
import io.opsflow.sla.SlaModule;
import io.opsflow.ticket.TicketEventCodec;
import io.opsflow.ticket.TicketModule;
import io.opsflow.ticket.TicketTimelines;
import io.opsflow.ticket.mail.MailModule;
import io.opsflow.ticket.model.TicketPage;
import io.opsflow.uptime.InternalIntegrations;
import io.opsflow.uptime.MaintenanceHolds;
import io.opsflow.uptime.MaintenanceTimeline;
import io.opsflow.uptime.UptimeModule;
import io.opsflow.uptime.model.MaintenanceCalendar;
import io.opsflow.workflow.WorkflowModule;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a started instance holds: the parts to stop (in reverse), the modules its accessors read
 * (tests and the command line use them), and the ports wired between features once both sides
 * exist.
 */
public abstract class Running implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Running.class);
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  volatile boolean ready;
  volatile int httpPort;
  OpsflowConfig config;
  KafkaModule kafka;
  Database db;
  SlaModule sla;
  NotifyModule notify;
  WorkflowModule workflow;
  MailModule mail;
  UptimeModule uptime;

  Running() {}

  <T extends AutoCloseable> T push(T part) {
    running.push(part);
    return part;
  }

  String publicUrl() {
    return config.publicUrl(httpPort);
  }

  Map<String, String> integrations() {
    return notify.integrations(mail == null ? "not configured" : mail.status());
  }

  /** The integration a ticket pages as. */
  static Function<String, Envelopes.Sender> ticketPager(AccessModule access) {
    return new InternalIntegrations(access.tokens(), access.organizations(), TicketPage.INTEGRATION)
        ::of;
  }

  /** Effects wait while a maintenance window holds an incident back (none before uptime starts). */
  void maintenanceHolds(EscalationModule oncall) {
    notify
        .recorder()
        .maintenanceHolds(
            new MaintenanceHolds(
                () -> uptime == null ? MaintenanceCalendar.none() : uptime.maintenanceCalendar(),
                oncall.services()));
  }

  /**
   * Incidents of the configured priorities open a customer ticket; SLA and effect lines of a ticket
   * go to the ticket's timeline.
   */
  void incidentTickets(TicketModule ticket) {
    notify.recorder().incidentTickets(ticket.incidentTickets());
    TicketTimelines timelines = new TicketTimelines(new TicketEventCodec());
    sla.clocks().tickets(timelines);
    notify.effects().timelines(timelines);
  }

  /** Each window's start and end is written to the timelines of the incidents it covers. */
  void maintenanceTimelines(EscalationModule oncall) {
    uptime.onMaintenanceTransition(
        new MaintenanceTimeline(db, oncall.services(), notify.recorder())::record);
  }

  public int httpPort() {
    return httpPort;
  }

  public String kafkaBootstrap() {
    return kafka.bootstrap();
  }

  /** The effect outbox and its dispatcher. */
  public Effects effects() {
    return notify.effects();
  }

  public Database database() {
    return db;
  }

  public IncidentWorkflow incidentWorkflow() {
    return workflow.incidents();
  }

  /** Maintenance windows, checks, uptime and heartbeats. */
  public UptimeModule uptime() {
    return uptime;
  }

  public Path oncallDir() {
    return config.oncallDir();
  }

  /** The SLA calendars and policies in force, and their directory. */
  public SlaConfig slaConfig() {
    return sla.config();
  }

  /**
   * Stops the server first, then the consumers (finishing their batch), the modules, db, broker.
   */
  @Override
  public synchronized void close() {
    ready = false;
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
