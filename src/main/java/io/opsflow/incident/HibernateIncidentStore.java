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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  private static final int IN_CHUNK = 500;

  private final Session session;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final EffectRecorder effects;
  private final Map<String, Incident> openByKey = new HashMap<>();
  private final Set<String> prefetchedKeys = new HashSet<>();
  private final Map<String, IncidentAlert> alertsByKey = new HashMap<>();
  private final Set<String> prefetchedAlertsOf = new HashSet<>();
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
  }

  /** The session this store works in (for effects planned beside its changes). */
  public Session session() {
    return session;
  }

  /** Loads the open incidents (and their alerts) that these signals can touch. */
  public void prefetch(Collection<AlertSignal> signals) {
    Map<String, String> digestToKey = new HashMap<>();
    for (AlertSignal s : signals) {
      String key = identity(s.integrationId(), s.alertKey());
      if (prefetchedKeys.add(key)) {
        digestToKey.put(Incident.openKey(s.integrationId(), s.alertKey()), key);
      }
    }
    List<String> incidentIds = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(digestToKey.keySet()))) {
      for (Incident i :
          session
              .createSelectionQuery("from Incident where openKey in :keys", Incident.class)
              .setParameter("keys", chunk)
              .getResultList()) {
        openByKey.put(identity(i.integrationId(), i.alertKey()), i);
        incidentIds.add(i.id());
      }
    }
    for (List<String> chunk : chunks(incidentIds)) {
      for (IncidentAlert a :
          session
              .createSelectionQuery(
                  "from IncidentAlert where incidentId in :ids", IncidentAlert.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        alertsByKey.put(alertKey(a.incidentId(), a.fingerprint()), a);
      }
      prefetchedAlertsOf.addAll(chunk);
    }
  }

  @Override
  public Optional<Incident> findOpen(String integrationId, String alertKey) {
    String key = identity(integrationId, alertKey);
    if (!prefetchedKeys.contains(key)) {
      prefetchedKeys.add(key);
      session
          .createSelectionQuery("from Incident where openKey = :key", Incident.class)
          .setParameter("key", Incident.openKey(integrationId, alertKey))
          .getResultStream()
          .findFirst()
          .ifPresent(i -> openByKey.put(key, i));
    }
    Incident found = openByKey.get(key);
    if (found != null && found.resolvedAt() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(found);
  }

  @Override
  public Optional<Incident> find(String incidentId) {
    return Optional.ofNullable(session.find(Incident.class, incidentId));
  }

  @Override
  public Optional<IncidentAlert> findAlert(String incidentId, String fingerprint) {
    String key = alertKey(incidentId, fingerprint);
    if (!prefetchedAlertsOf.contains(incidentId) && !alertsByKey.containsKey(key)) {
      session
          .createSelectionQuery(
              "from IncidentAlert where incidentId = :id and fingerprint = :fp",
              IncidentAlert.class)
          .setParameter("id", incidentId)
          .setParameter("fp", fingerprint)
          .getResultStream()
          .findFirst()
          .ifPresent(a -> alertsByKey.put(key, a));
    }
    return Optional.ofNullable(alertsByKey.get(key));
  }

  @Override
  public void add(Incident incident) {
    String key = identity(incident.integrationId(), incident.alertKey());
    if (openByKey.containsKey(key) || insertsQueuedAheadOfIncidents()) {
      // the previous incident of this identity was resolved in this transaction: write its
      // cleared open key before the new incident takes it (inserts are otherwise ordered first)
      session.flush();
    }
    session.persist(incident);
    lastAdded = incident;
    openByKey.put(key, incident);
    prefetchedKeys.add(key);
    prefetchedAlertsOf.add(incident.id());
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
    alertsByKey.put(alertKey(alert.incidentId(), alert.fingerprint()), alert);
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

  /** The in-memory form of an alert identity (the database column holds its digest). */
  private static String identity(String integrationId, String alertKey) {
    return integrationId + '\u0000' + alertKey;
  }

  private static String alertKey(String incidentId, String fingerprint) {
    return incidentId + '\u0000' + fingerprint;
  }

  private static List<List<String>> chunks(List<String> all) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return out;
  }
}
