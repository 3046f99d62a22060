package io.opsflow.incident;

import io.opsflow.db.EnvelopeLedger;
import io.opsflow.db.EventOutboxRow;
import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.AlertSignal;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.IncidentStore;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * {@link IncidentStore} over one Hibernate session (one transaction). For a batch of alert signals
 * it loads every open incident and its alerts in two queries up front ({@link #prefetch}), so the
 * grouping rules then run against memory and Hibernate flushes the changes in JDBC batches.
 */
public final class HibernateIncidentStore implements IncidentStore {
  private final Session session;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final EffectRecorder effects;
  private final OpenIncidentCache cache;
  private Incident lastAdded;

  /** A record for the event outbox: topic, key, JSON payload. */
  public HibernateIncidentStore(Session session, Function<IncidentEvent, OutgoingRecord> encoder) {
    this(session, encoder, EffectRecorder.none());
  }

  /** A store whose published events also plan their external effects through {@code effects}. */
  public HibernateIncidentStore(
      Session session, Function<IncidentEvent, OutgoingRecord> encoder, EffectRecorder effects) {
    this.session = session;
    this.encoder = encoder;
    this.effects = effects;
    this.cache = new OpenIncidentCache(session);
  }

  /** The session this store works in (for effects planned beside its changes). */
  public Session session() {
    return session;
  }

  /** Loads the open incidents (and their alerts) that these signals can touch. */
  public void prefetch(Collection<AlertSignal> signals) {
    cache.prefetch(signals);
  }

  @Override
  public Optional<Incident> findOpen(String integrationId, String alertKey) {
    return cache.findOpen(integrationId, alertKey);
  }

  @Override
  public Optional<Incident> find(String incidentId) {
    return Optional.ofNullable(session.find(Incident.class, incidentId));
  }

  @Override
  public Optional<IncidentAlert> findAlert(String incidentId, String fingerprint) {
    return cache.findAlert(incidentId, fingerprint);
  }

  @Override
  public void add(Incident incident) {
    if (cache.holdsIdentityOf(incident) || insertsQueuedAheadOfIncidents()) {
      // the previous incident of this identity was resolved in this transaction: write its
      // cleared open key before the new incident takes it (inserts are otherwise ordered first)
      session.flush();
    }
    session.persist(incident);
    lastAdded = incident;
    cache.added(incident);
  }

  /**
   * Whether inserts are queued and none of them is a new incident's. Hibernate orders inserts by
   * entity ({@code hibernate.order_inserts}), each entity's batch where its first insert was
   * queued: a timeline entry of an incident opened earlier, queued before the first new incident of
   * this flush, would put every timeline insert (the new incident's too) before every incident
   * insert, and fail the foreign key. One flush first makes the new incident the first insert.
   */
  private boolean insertsQueuedAheadOfIncidents() {
    SessionImplementor impl = session.unwrap(SessionImplementor.class);
    if (impl.getActionQueue().numberOfInsertions() == 0) {
      return false;
    }
    // a flush writes every queued insert, so the last incident added tells for all of them
    EntityEntry last =
        lastAdded == null ? null : impl.getPersistenceContextInternal().getEntry(lastAdded);
    return last == null || last.isExistsInDatabase();
  }

  @Override
  public void add(IncidentAlert alert) {
    session.persist(alert);
    cache.added(alert);
  }

  @Override
  public void record(TimelineEntry entry) {
    session.persist(entry);
  }

  @Override
  public void publish(IncidentEvent event) {
    OutgoingRecord r = encoder.apply(event);
    session.persist(new EventOutboxRow(r.topic(), r.key(), r.payload(), event.at()));
    effects.onEvent(session, event);
  }

  @Override
  public void signal(WorkflowSignal signal) {
    session.persist(
        new WorkflowOutboxRow(
            signal.incidentId(),
            signal.organizationId(),
            signal.kind().name(),
            signal.actor(),
            signal.at()));
  }

  /** The subset of these envelope ids that were applied before. */
  public Set<String> alreadyProcessed(Collection<String> envelopeIds) {
    return EnvelopeLedger.applied(session, envelopeIds);
  }

  /** Records these envelope ids as applied, in this transaction. */
  public void markProcessed(Collection<String> envelopeIds, Instant at) {
    EnvelopeLedger.record(session, envelopeIds, at);
  }
}
