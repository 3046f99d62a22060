package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.access.OrganizationIds;
import io.opsflow.access.OrganizationScope;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.sla.model.Recurrence;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Reads the fields of a maintenance window's creation request; a bad field answers 400. */
final class MaintenanceRequest {
  static final Duration MAX_LENGTH = Duration.ofDays(31);

  private MaintenanceRequest() {}

  /** The window's organization id: the caller's, or the one an admin names (by name or id). */
  static String organization(Principal p, String asked) {
    String org = OrganizationScope.of(p, Fields.organization("organization", asked));
    if (org == null || org.isBlank()) {
      throw ApiException.badRequest("organization is required with an admin token");
    }
    return p.scope() != null ? org : OrganizationIds.slug(org);
  }

  static Recurrence schedule(JsonNode body) {
    boolean once = body.has("start") || body.has("end");
    boolean recurring = body.has("rrule");
    if (once == recurring) {
      throw ApiException.badRequest(
          "give either start and end (one-off) or rrule, dtstart, zone and duration (recurring)");
    }
    try {
      if (once) {
        Instant start = instant(body, "start");
        Instant end = instant(body, "end");
        if (!end.isAfter(start)) {
          throw ApiException.badRequest("end must be after start");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
          throw ApiException.badRequest("a window lasts at most 31 days");
        }
        return Recurrence.once(start, end);
      }
      String rrule = required(body, "rrule");
      LocalDateTime dtstart = LocalDateTime.parse(required(body, "dtstart"));
      Fields.year("dtstart", dtstart.getYear());
      ZoneId zone = ZoneId.of(required(body, "zone"));
      Duration duration = Duration.parse(required(body, "duration"));
      if (duration.compareTo(MAX_LENGTH) > 0) {
        throw ApiException.badRequest("a window lasts at most 31 days");
      }
      return Recurrence.recurring(rrule, dtstart, zone, duration);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "dtstart is a local time such as 2026-03-29T02:30, zone an IANA zone such as"
              + " Europe/Berlin, duration ISO-8601 such as PT2H: "
              + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static Instant instant(JsonNode body, String field) {
    try {
      OffsetDateTime at = OffsetDateTime.parse(required(body, field));
      Fields.year(field, at.getYear());
      return at.toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          field + " must be an ISO-8601 time such as 2026-06-01T22:00:00Z");
    }
  }

  private static String required(JsonNode body, String field) {
    String v = text(body, field, 500);
    if (v == null) {
      throw ApiException.badRequest(field + " is required");
    }
    return v;
  }

  static String text(JsonNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw ApiException.badRequest(field + " must be a non-empty string");
    }
    return Fields.atMost(field, v.asText(), max);
  }
}
