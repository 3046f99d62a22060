package io.opsflow.uptime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code maintenance.yaml} ({@code windows:}) and {@code checks.yaml} ({@code checks:}) of
 * the SLA directory. A file with problems contributes nothing; each problem is {@code file:line:
 * reason}. A missing file is no problem.
 */
public final class SlaFiles {
  private SlaFiles() {}

  /** What a file gave, and what was wrong with it. */
  public record Loaded<T>(List<T> items, List<String> problems) {}

  public static Loaded<MaintenanceWindow> maintenance(Path dir, Instant loadedAt) {
    Path file = dir.resolve("maintenance.yaml");
    return read(file, "windows", (node, problems) -> window(file, node, problems, loadedAt));
  }

  public static Loaded<CheckDefinition> checks(Path dir) {
    Path file = dir.resolve("checks.yaml");
    return read(file, "checks", (node, problems) -> check(file, node, problems));
  }

  private interface Binder<T> {
    T bind(SlaYaml node, List<String> problems);
  }

  private static <T> Loaded<T> read(Path file, String listKey, Binder<T> binder) {
    List<String> problems = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Loaded<>(List.of(), problems);
    }
    SlaYaml root;
    try {
      root = SlaYaml.read(file);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return new Loaded<>(List.of(), List.of(file + ":" + line + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      return new Loaded<>(List.of(), List.of(file + ":0: cannot read: " + e.getMessage()));
    }
    if (root == null
        || (root.fields != null
            && root.fields.get(listKey) != null
            && root.fields.get(listKey).text == null
            && root.fields.get(listKey).items == null
            && root.fields.get(listKey).fields == null)) {
      return new Loaded<>(List.of(), problems);
    }
    if (root.fields == null
        || root.fields.get(listKey) == null
        || root.fields.get(listKey).items == null) {
      problems.add(
          file
              + ":"
              + (root == null ? 0 : root.line)
              + ": expected a list under '"
              + listKey
              + ":'");
      return new Loaded<>(List.of(), problems);
    }
    List<T> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (SlaYaml item : root.fields.get(listKey).items) {
      if (item.fields == null) {
        problems.add(file + ":" + item.line + ": each entry must be a mapping");
        continue;
      }
      T bound = binder.bind(item, problems);
      String id = item.text("id");
      if (id != null && !ids.add(id)) {
        problems.add(file + ":" + item.lineOf("id") + ": id '" + id + "' appears twice");
      }
      if (bound != null) {
        out.add(bound);
      }
    }
    return problems.isEmpty()
        ? new Loaded<>(List.copyOf(out), problems)
        : new Loaded<>(List.of(), problems);
  }

  private static MaintenanceWindow window(
      Path file, SlaYaml n, List<String> problems, Instant loadedAt) {
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

  private static CheckDefinition check(Path file, SlaYaml n, List<String> problems) {
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
