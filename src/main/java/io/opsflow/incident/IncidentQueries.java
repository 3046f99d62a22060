package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectStore;
import io.opsflow.sla.SlaClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Reads of incidents for the API and console, always scoped to the caller's organization ({@code
 * null} scope = admin, every organization). Lists page by keyset (newest first), never by offset.
 */
public final class IncidentQueries implements IncidentReads {
  private final Database db;

  private final SlaClocks clocks;

  public IncidentQueries(Database db) {
    this(db, null);
  }

  /** Queries whose incident details include the SLA clocks as {@code clocks} reads them. */
  public IncidentQueries(Database db, SlaClocks clocks) {
    this.db = db;
    this.clocks = clocks;
  }

  /** An incident with its alerts and timeline. */
  public record Detail(
      Incident incident,
      List<IncidentAlert> alerts,
      List<TimelineEntry> timeline,
      Optional<IncidentRoom> room,
      Map<String, Long> effects,
      List<SlaClocks.Shown> sla) {
    public Detail(Incident incident, List<IncidentAlert> alerts, List<TimelineEntry> timeline) {
      this(incident, alerts, timeline, Optional.empty(), Map.of(), List.of());
    }
  }

  /** An incident of a list with its SLA clocks. */
  public record Summary(Incident incident, List<SlaClocks.Shown> sla) {}

  public Page<Incident> list(String orgScope, IncidentStatus status, int limit, String cursor) {
    return db.inTransaction(s -> page(s, orgScope, status, limit, cursor));
  }

  /**
   * A page of incidents, each with its SLA clocks; the clocks of the whole page are read in one
   * query.
   */
  public Page<Summary> listWithSla(
      String orgScope, IncidentStatus status, int limit, String cursor) {
    return db.inTransaction(
        s -> {
          Page<Incident> page = page(s, orgScope, status, limit, cursor);
          Map<String, List<SlaClocks.Shown>> sla =
              clocks == null
                  ? Map.of()
                  : clocks.statuses(
                      s, page.items().stream().map(Incident::id).toList(), Instant.now());
          List<Summary> items = new ArrayList<>(page.items().size());
          for (Incident i : page.items()) {
            items.add(new Summary(i, sla.getOrDefault(i.id(), List.of())));
          }
          return new Page<>(items, page.next());
        });
  }

  private static Page<Incident> page(
      Session s, String orgScope, IncidentStatus status, int limit, String cursor) {
    StringBuilder hql = new StringBuilder("from Incident i where 1 = 1");
    if (orgScope != null) {
      hql.append(" and i.organizationId = :org");
    }
    if (status != null) {
      hql.append(" and i.status = :status");
    }
    PageCursor after = PageCursor.decode(cursor);
    if (after != null) {
      hql.append(" and (i.openedAt < :at or (i.openedAt = :at and i.id < :id))");
    }
    hql.append(" order by i.openedAt desc, i.id desc");
    SelectionQuery<Incident> q = s.createSelectionQuery(hql.toString(), Incident.class);
    if (orgScope != null) {
      q.setParameter("org", orgScope);
    }
    if (status != null) {
      q.setParameter("status", status);
    }
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    List<Incident> rows = q.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<Incident> page = rows.subList(0, limit);
    Incident last = page.get(limit - 1);
    return new Page<>(List.copyOf(page), new PageCursor(last.openedAt(), last.id()).encode());
  }

  /**
   * The incident an id names: the full id, or a unique prefix of at least 6 characters (the short
   * id people see in Slack and mail); empty when none or several match.
   */
  public Optional<String> resolveId(String idOrPrefix) {
    if (idOrPrefix == null || idOrPrefix.length() < 6 || !idOrPrefix.matches("[0-9a-fA-F-]+")) {
      return Optional.empty();
    }
    String wanted = idOrPrefix.toLowerCase(java.util.Locale.ROOT);
    return db.inTransaction(
        s -> {
          List<String> ids =
              s.createSelectionQuery(
                      "select id from Incident where id like :p order by id", String.class)
                  .setParameter("p", wanted + "%")
                  .setMaxResults(2)
                  .getResultList();
          return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.<String>empty();
        });
  }

  /** The incident whose war room is the Slack channel {@code channelId}. */
  public Optional<String> incidentOfChannel(String channelId) {
    if (channelId == null || channelId.isBlank()) {
      return Optional.empty();
    }
    return db.inTransaction(
        s ->
            s.createNativeQuery(
                    "select incident_id from incident_room where channel_id = :c", String.class)
                .setParameter("c", channelId)
                .getResultStream()
                .findFirst());
  }

  public Optional<Detail> get(String orgScope, String id) {
    return db.inTransaction(
        s -> {
          Incident i = s.find(Incident.class, id);
          if (i == null || (orgScope != null && !orgScope.equals(i.organizationId()))) {
            return Optional.empty();
          }
          List<IncidentAlert> alerts =
              s.createSelectionQuery(
                      "from IncidentAlert where incidentId = :id order by firstSeenAt, fingerprint",
                      IncidentAlert.class)
                  .setParameter("id", id)
                  .getResultList();
          List<TimelineEntry> timeline =
              s.createSelectionQuery(
                      "from TimelineEntry where incidentId = :id order by at, id",
                      TimelineEntry.class)
                  .setParameter("id", id)
                  .getResultList();
          return Optional.of(
              new Detail(
                  i,
                  alerts,
                  timeline,
                  EffectStore.room(s, id),
                  EffectStore.countsByStatus(s, id),
                  clocks == null ? List.of() : clocks.statuses(s, id, Instant.now())));
        });
  }

  /** Number of incidents by status, for metrics and health. */
  public long count(IncidentStatus status) {
    return db.inTransaction(
        s ->
            s.createSelectionQuery("select count(*) from Incident where status = :st", Long.class)
                .setParameter("st", status)
                .getSingleResult());
  }
}
