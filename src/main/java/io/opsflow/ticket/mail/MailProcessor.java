package io.opsflow.ticket.mail;

import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Role;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides what one inbound mail becomes. Machine mail (loops, bounces, auto-replies) is dropped
 * with a note; mail that does not parse is quarantined; a reply to a ticket of the sender's
 * organization becomes a public comment; other mail opens a ticket; a sender opsflow does not know
 * is refused (or opens a ticket for the configured organization).
 */
public final class MailProcessor {
  private final Session session = Session.getInstance(new Properties());
  private final MailFilter filter;
  private final Users users;
  private final MailRecords records;
  private final MailQuarantine quarantine;
  private final MailQuarantining quarantining;
  private final MailCommands commands;
  private final Refusals refusals;
  private final MailDrops drops;
  private final Optional<String> unknownSendersOrg;
  private final Clock clock;

  /** What the processor needs; {@code unknownSendersOrg} is an organization id or empty. */
  public record Parts(
      Users users,
      MailRecords records,
      MailQuarantine quarantine,
      TicketLog log,
      Optional<io.opsflow.notify.model.Mailer> mailer,
      MailIdentity identity,
      Optional<String> unknownSendersOrg) {}

  public MailProcessor(Parts p, Clock clock) {
    this.filter = new MailFilter(p.identity().address(), p.identity().domain());
    this.users = p.users();
    this.records = p.records();
    this.quarantine = p.quarantine();
    this.quarantining = new MailQuarantining(p.quarantine(), clock);
    this.commands = new MailCommands(p.log(), clock);
    this.refusals = new Refusals(p.mailer(), p.records(), p.identity().domain(), clock);
    this.drops = new MailDrops(p.records(), clock);
    this.unknownSendersOrg = p.unknownSendersOrg();
    this.clock = clock;
  }

  /** A mail from the mailbox. */
  public MailOutcome process(byte[] raw) {
    return process(raw, false);
  }

  /**
   * Processes a quarantined mail again, leniently: a body that does not parse is taken as text.
   * Marks it released unless it is to be tried again or still cannot be processed.
   *
   * @return empty when there is no such quarantined mail in the scope
   */
  public Optional<MailOutcome> release(String id, String scope, String by) {
    if (quarantine.find(id, scope).isEmpty()) {
      return Optional.empty();
    }
    MailOutcome o = process(quarantine.raw(id).orElseThrow(), true);
    if (o.kind() != MailOutcome.Kind.RETRY && o.kind() != MailOutcome.Kind.QUARANTINED) {
      quarantine.released(id, by, o.kind().wire() + ": " + o.detail(), clock.instant());
    }
    return Optional.of(o);
  }

  /** A mail too large to read whole: its headers go to the quarantine. */
  public MailOutcome oversized(byte[] headers, int size) {
    InboundMail m = null;
    try {
      m = InboundMail.read(session, headers);
    } catch (UnparseableMail e) {
      // the headers of a mail this large are kept whether they parse or not
    }
    String org =
        m == null || m.from() == null
            ? null
            : users.byEmail(m.from()).map(User::organizationId).orElse(null);
    String reason =
        "the mail is " + size + " bytes, over the limit of 25 MiB; only its headers are kept";
    return quarantining.quarantine(headers, m, org, reason, false);
  }

  private MailOutcome process(byte[] raw, boolean release) {
    InboundMail m;
    try {
      m = InboundMail.read(session, raw);
    } catch (UnparseableMail e) {
      return quarantining.quarantine(raw, null, null, e.getMessage(), release);
    }
    Optional<? extends User> user =
        m.from() == null ? Optional.empty() : users.byEmail(m.from()).filter(u -> u.active());
    Optional<MailFilter.Drop> drop = filter.check(m);
    if (drop.isPresent()) {
      return drops.drop(m, user, drop.get(), this::answered);
    }
    String org = user.map(User::organizationId).orElse(null);
    if (m.from() == null) {
      return quarantining.quarantine(raw, m, org, m.fromProblem(), release);
    }
    MailBody body;
    try {
      body = MailBody.read(m, release);
    } catch (UnparseableMail e) {
      return quarantining.quarantine(raw, m, org, e.getMessage(), release);
    }
    Actor actor;
    if (user.isPresent()) {
      User u = user.get();
      actor = new Actor(u.id(), u.name(), u.role(), u.organizationId());
    } else if (unknownSendersOrg.isPresent()) {
      actor = new Actor(null, m.from(), Role.CUSTOMER, unknownSendersOrg.get());
    } else {
      return refusals.refuse(m, "the address " + m.from() + " is not registered with us");
    }
    Optional<Ticket> ticket = answered(m, actor.organizationId());
    if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
      return commands.comment(m, body, actor, ticket.get());
    }
    if (actor.organizationId() == null) {
      return refusals.refuse(
          m, "a new ticket by mail needs an organization, and " + m.from() + " has none");
    }
    return commands.open(m, body, actor, ticket);
  }

  /** The ticket the mail answers within {@code scope} (null: any), by thread, then by subject. */
  private Optional<Ticket> answered(InboundMail m, String scope) {
    for (String id : TicketRefs.threadIds(m)) {
      Optional<Ticket> t = records.ticket(id, scope);
      if (t.isPresent()) {
        return t;
      }
    }
    return TicketRefs.subjectReference(m.subject()).flatMap(r -> records.byReference(r, scope));
  }
}
