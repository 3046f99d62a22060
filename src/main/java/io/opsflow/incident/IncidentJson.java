package io.opsflow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.db.Page;
import io.opsflow.http.Http;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.sla.SlaClocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of incidents in the API. */
public final class IncidentJson {
  private IncidentJson() {}

  /** A page of the list: each incident's summary with its SLA clocks. */
  public static Map<String, Object> page(Page<IncidentQueries.Summary> page) {
    List<Object> items = new ArrayList<>(page.items().size());
    for (IncidentQueries.Summary s : page.items()) {
      Map<String, Object> m = summary(s.incident());
      m.put("sla", sla(s.sla()));
      items.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("next", page.next());
    return m;
  }

  public static Map<String, Object> summary(Incident i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("organization", i.organizationId());
    m.put("integration", i.integrationId());
    m.put("source", i.source());
    m.put("alertKey", i.alertKey());
    m.put("title", i.title());
    m.put("severity", i.severity());
    m.put("priority", i.priority());
    m.put("status", i.status().wireName());
    m.put("alertCount", i.alertCount());
    m.put("eventCount", i.eventCount());
    m.put("openedAt", i.openedAt());
    m.put("lastSeenAt", i.lastSeenAt());
    m.put("acknowledgedAt", i.acknowledgedAt());
    m.put("acknowledgedBy", i.acknowledgedBy());
    m.put("resolvedAt", i.resolvedAt());
    m.put("resolvedBy", i.resolvedBy());
    m.put("labels", tree(i.labels()));
    return m;
  }

  public static Map<String, Object> detail(IncidentQueries.Detail d) {
    Map<String, Object> m = summary(d.incident());
    List<Object> alerts = new ArrayList<>();
    for (IncidentAlert a : d.alerts()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("fingerprint", a.fingerprint());
      x.put("status", a.firing() ? "firing" : "resolved");
      x.put("summary", a.summary());
      x.put("labels", tree(a.labels()));
      x.put("firstSeenAt", a.firstSeenAt());
      x.put("lastChangedAt", a.lastChangedAt());
      alerts.add(x);
    }
    List<Object> timeline = new ArrayList<>();
    for (TimelineEntry t : d.timeline()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("at", t.at());
      x.put("kind", t.kind());
      x.put("actor", t.actor());
      x.put("message", t.message());
      timeline.add(x);
    }
    d.room()
        .ifPresent(
            r -> {
              Map<String, Object> room = new LinkedHashMap<>();
              room.put("slackChannel", r.channelName());
              room.put("slackChannelId", r.channelId());
              room.put("bridgeUrl", r.bridgeUrl());
              m.put("warRoom", room);
            });
    m.put("effects", d.effects());
    m.put("sla", sla(d.sla()));
    m.put("alerts", alerts);
    m.put("timeline", timeline);
    return m;
  }

  /** The SLA clocks of an incident or ticket, as the API shows them. */
  public static List<Object> sla(List<SlaClocks.Shown> clocks) {
    List<Object> sla = new ArrayList<>();
    for (SlaClocks.Shown c : clocks) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("kind", c.row().kind());
      x.put("priority", c.row().priority());
      x.put("calendar", c.calendarId());
      x.put("target", c.status().target().toString());
      x.put("startedAt", c.row().started());
      x.put("due", c.status().due());
      x.put("remaining", c.status().remainingBusinessTime().toString());
      x.put("paused", c.status().paused());
      x.put("breached", c.status().breached());
      x.put("stoppedAt", c.status().stoppedAt().orElse(null));
      x.put("met", c.row().stopped() == null ? null : c.status().met());
      sla.add(x);
    }
    return sla;
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Http.JSON.readTree(json);
    } catch (IOException e) {
      return Http.JSON.getNodeFactory().textNode(json);
    }
  }
}
