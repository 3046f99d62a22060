package io.opsflow.sla;

import io.opsflow.notify.IncidentClocks;
import io.opsflow.sla.model.Pause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An SLA clock as stored: what it measures, its start, its pauses and its stop, and what the
 * process recorded (warned, breached, met). The target and calendar are not stored: they follow
 * from the priority and the organization's SLA settings, so a retarget is a new priority.
 */
public record SlaClockRow(
    String id,
    String subjectType,
    String subjectId,
    String kind,
    String organizationId,
    String priority,
    Instant started,
    List<Pause> pauses,
    Instant stopped,
    Instant due,
    Instant warned,
    Instant breached,
    Boolean met) {

  public static final String RESPONSE = IncidentClocks.RESPONSE;
  public static final String RESOLUTION = "resolution";

  public SlaClockRow {
    pauses = List.copyOf(pauses);
  }

  public static String idOf(String subjectId, String kind) {
    return subjectId + ":" + kind;
  }

  SlaClockRow with(
      String priority,
      List<Pause> pauses,
      Instant stopped,
      Instant due,
      Instant warned,
      Instant breached,
      Boolean met) {
    return new SlaClockRow(
        id,
        subjectType,
        subjectId,
        kind,
        organizationId,
        priority,
        started,
        pauses,
        stopped,
        due,
        warned,
        breached,
        met);
  }

  /** Pauses as text: one "pausedMs resumedMs reason" line each ("-" while still paused). */
  static String encode(List<Pause> pauses) {
    StringBuilder out = new StringBuilder();
    for (Pause p : pauses) {
      out.append(p.paused().toEpochMilli())
          .append(' ')
          .append(p.resumed() == null ? "-" : Long.toString(p.resumed().toEpochMilli()))
          .append(' ')
          .append(p.reason().replace('\n', ' '))
          .append('\n');
    }
    return out.toString();
  }

  static List<Pause> decode(String text) {
    List<Pause> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      out.add(
          new Pause(
              Instant.ofEpochMilli(Long.parseLong(parts[0])),
              parts[1].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[1])),
              parts.length > 2 ? parts[2] : ""));
    }
    return out;
  }
}
