package io.opsflow.sla;

import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.SlaSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA settings in {@code $OPSFLOW_SLA_DIR}: {@code calendars.yaml} and {@code policies.yaml}. A
 * calendar with id {@code default} is the one organizations without a policy entry follow
 * (otherwise Monday to Friday 09:00-17:00 UTC). Missing files mean opsflow's defaults; a file with
 * a problem is refused with file, line and reason, and the settings in force stay. Read at start
 * and again on {@link #reload()}.
 */
public final class SlaConfig {
  private static final Logger log = LoggerFactory.getLogger(SlaConfig.class);

  private final Path dir;
  private final Clock clock;
  private volatile Loaded current;

  /**
   * The settings in force, the calendars they were built from (by id, in file order) and when they
   * were read ({@code null} for opsflow's defaults before any file was read).
   */
  public record Loaded(
      SlaSettings settings, Map<String, BusinessCalendar> calendars, Instant loadedAt) {
    public Loaded {
      calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
    }
  }

  private SlaConfig(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    this.current = new Loaded(SlaSettings.defaults(), Map.of(), null);
  }

  /** Loads once; problems are logged and the defaults stay. */
  public static SlaConfig load(Path dir) {
    return load(dir, Clock.systemUTC());
  }

  public static SlaConfig load(Path dir, Clock clock) {
    SlaConfig c = new SlaConfig(dir, clock);
    List<String> problems = c.reload();
    problems.forEach(p -> log.warn("SLA configuration refused: {}", p));
    return c;
  }

  public SlaSettings settings() {
    return current.settings();
  }

  /** What is in force now. */
  public Loaded loaded() {
    return current;
  }

  /** The directory the files are read from. */
  public Path dir() {
    return dir;
  }

  /** Reads the directory again; returns the problems (then nothing changed). */
  public synchronized List<String> reload() {
    Path calendarsFile = dir.resolve("calendars.yaml");
    Path policiesFile = dir.resolve("policies.yaml");
    List<String> problems = new ArrayList<>();
    try {
      Map<String, BusinessCalendar> calendars = Map.of();
      if (Files.isRegularFile(calendarsFile)) {
        CalendarFiles.Result r = CalendarFiles.load(calendarsFile);
        problems.addAll(r.problems());
        calendars = r.calendars();
      }
      Map<String, SlaSettings.Organization> orgs = new LinkedHashMap<>();
      if (problems.isEmpty() && Files.isRegularFile(policiesFile)) {
        SlaPolicyFile.Result r = SlaPolicyFile.load(policiesFile, calendars);
        problems.addAll(r.problems());
        r.organizations()
            .forEach(
                (id, o) ->
                    orgs.put(
                        id,
                        new SlaSettings.Organization(o.calendarId(), o.calendar(), o.policy())));
      }
      if (!problems.isEmpty()) {
        return problems;
      }
      SlaSettings.Organization fallback = SlaSettings.defaults().fallback();
      if (calendars.containsKey("default")) {
        fallback =
            new SlaSettings.Organization(
                "default", calendars.get("default"), SlaSettings.defaults().fallback().policy());
      }
      current = new Loaded(new SlaSettings(orgs, fallback), calendars, clock.instant());
      log.info(
          "SLA settings from {}: {} calendar(s), {} organization policy(ies)",
          dir,
          calendars.size(),
          orgs.size());
      return List.of();
    } catch (IOException e) {
      return List.of(dir + ": " + e.getMessage());
    }
  }
}
