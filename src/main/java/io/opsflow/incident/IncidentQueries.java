package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.IncidentRoom;
import io.opsflow.sla.SlaClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return db.inTransaction(s -> IncidentPage.read(s, orgScope, status, limit, cursor));
  }

  /**
   * A page of incidents, each with its SLA clocks; the clocks of the whole page are read in one
   * query.
   */
  public Page<Summary> listWithSla(
      String orgScope, IncidentStatus status, int limit, String cursor) {
    return db.inTransaction(
        s -> {
          Page<Incident> page = IncidentPage.read(s, orgScope, status, limit, cursor);
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
    return db.inTransaction(s -> IncidentDetails.read(s, orgScope, id, clocks));
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
