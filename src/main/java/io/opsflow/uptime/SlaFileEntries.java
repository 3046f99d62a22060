package io.opsflow.uptime;

import io.opsflow.sla.model.Recurrence;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One entry of {@code maintenance.yaml} or {@code checks.yaml} as {@link SlaFiles} binds it; each
 * problem is added as {@code file:line: reason} and the entry is then null.
 */
final class SlaFileEntries {
  private SlaFileEntries() {}

  static MaintenanceWindow window(Path file, SlaYaml n, List<String> problems, Instant loadedAt) {
    String id = required(file, n, "id", problems);
    String org = required(file, n, "organization", problems);
    if (id == null || org == null) {
      return null;
    }
    try {
      Recurrence schedule;
      if (n.text("rrule") != null) {
        schedule =
            Recurrence.recurring(
                n.text("rrule"),
                LocalDateTime.parse(required(file, n, "dtstart", problems)),
                ZoneId.of(required(file, n, "zone", problems)),
                Duration.parse(required(file, n, "duration", problems)));
      } else {
        schedule =
            Recurrence.once(
                OffsetDateTime.parse(required(file, n, "start", problems)).toInstant(),
                OffsetDateTime.parse(required(file, n, "end", problems)).toInstant());
      }
      String title = n.text("title");
      return new MaintenanceWindow(
          "file:" + id,
          org,
          n.text("service"),
          title == null ? id : title,
          schedule,
          "file",
          loadedAt);
    } catch (NullPointerException e) {
      return null; // a required field is missing: reported by required()
    } catch (DateTimeException | IllegalArgumentException e) {
      problems.add(file + ":" + n.line + ": window " + id + ": " + e.getMessage());
      return null;
    }
  }

  static CheckDefinition check(Path file, SlaYaml n, List<String> problems) {
    String id = required(file, n, "id", problems);
    String org = required(file, n, "organization", problems);
    String service = required(file, n, "service", problems);
    String url = required(file, n, "url", problems);
    if (id == null || org == null || service == null || url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("url must be http or https");
      }
      int status =
          n.text("expectedStatus") == null ? 200 : Integer.parseInt(n.text("expectedStatus"));
      Duration interval = Duration.parse(orDefault(n.text("interval"), "PT60S"));
      Duration timeout = Duration.parse(orDefault(n.text("timeout"), "PT10S"));
      if (interval.compareTo(Duration.ofSeconds(5)) < 0) {
        throw new IllegalArgumentException("interval must be at least PT5S");
      }
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
        throw new IllegalArgumentException("timeout must be positive and at most the interval");
      }
      return new CheckDefinition(
          id, org, service, uri, status, n.text("bodyContains"), interval, timeout);
    } catch (DateTimeException | IllegalArgumentException e) {
      problems.add(file + ":" + n.line + ": check " + id + ": " + e.getMessage());
      return null;
    }
  }

  private static String orDefault(String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static String required(Path file, SlaYaml n, String key, List<String> problems) {
    String v = n.text(key);
    if (v == null || v.isBlank()) {
      problems.add(file + ":" + n.line + ": '" + key + "' is required");
      return null;
    }
    return v;
  }
}
