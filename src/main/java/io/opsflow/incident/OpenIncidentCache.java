package io.opsflow.incident;

import io.opsflow.incident.model.AlertSignal;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.IncidentKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The open incidents and alerts a {@link HibernateIncidentStore} has loaded in its session, by
 * alert identity: loaded for a whole batch in two queries ({@link #prefetch}), or one by one when a
 * signal was not prefetched.
 */
final class OpenIncidentCache {
  private static final int IN_CHUNK = 500;

  private final Session session;
  private final Map<String, Incident> openByKey = new HashMap<>();
  private final Set<String> prefetchedKeys = new HashSet<>();
  private final Map<String, IncidentAlert> alertsByKey = new HashMap<>();
  private final Set<String> prefetchedAlertsOf = new HashSet<>();

  OpenIncidentCache(Session session) {
    this.session = session;
  }

  /** Loads the open incidents (and their alerts) that these signals can touch. */
  void prefetch(Collection<AlertSignal> signals) {
    Map<String, String> digestToKey = new HashMap<>();
    for (AlertSignal s : signals) {
      String key = identity(s.integrationId(), s.alertKey());
      if (prefetchedKeys.add(key)) {
        digestToKey.put(IncidentKeys.openKey(s.integrationId(), s.alertKey()), key);
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

  Optional<Incident> findOpen(String integrationId, String alertKey) {
    String key = identity(integrationId, alertKey);
    if (!prefetchedKeys.contains(key)) {
      prefetchedKeys.add(key);
      session
          .createSelectionQuery("from Incident where openKey = :key", Incident.class)
          .setParameter("key", IncidentKeys.openKey(integrationId, alertKey))
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

  Optional<IncidentAlert> findAlert(String incidentId, String fingerprint) {
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

  /** Whether an incident of this identity was loaded or added before in this session. */
  boolean holdsIdentityOf(Incident incident) {
    return openByKey.containsKey(identity(incident.integrationId(), incident.alertKey()));
  }

  /** A new incident: the open one of its identity from now on, with no alerts yet. */
  void added(Incident incident) {
    String key = identity(incident.integrationId(), incident.alertKey());
    openByKey.put(key, incident);
    prefetchedKeys.add(key);
    prefetchedAlertsOf.add(incident.id());
  }

  void added(IncidentAlert alert) {
    alertsByKey.put(alertKey(alert.incidentId(), alert.fingerprint()), alert);
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
