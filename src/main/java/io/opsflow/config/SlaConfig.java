package io.opsflow.config;

import io.opsflow.sla.BusinessCalendar;
import io.opsflow.sla.SlaSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA settings in {@code $OPSFLOW_SLA_DIR}: {@code calendars.yaml} and {@code policies.yaml}. A
 * calendar with id {@code default} is the one organizations without a policy entry follow
 * (otherwise Monday to Friday 09:00-17:00 UTC). Missing files mean opsflow's defaults; a file with
 * a problem is refused with file, line and reason, and the settings in force stay.
 */
public final class SlaConfig {
  private static final Logger log = LoggerFactory.getLogger(SlaConfig.class);

  private final Path dir;
  private volatile SlaSettings current = SlaSettings.defaults();

  private SlaConfig(Path dir) {
    this.dir = dir;
  }

  /** Loads once; problems are logged and the defaults stay. */
  public static SlaConfig load(Path dir) {
    SlaConfig c = new SlaConfig(dir);
    List<String> problems = c.reload();
    problems.forEach(p -> log.warn("SLA configuration refused: {}", p));
    return c;
  }

  public SlaSettings settings() {
    return current;
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
      current = new SlaSettings(orgs, fallback);
      return List.of();
    } catch (IOException e) {
      return List.of(dir + ": " + e.getMessage());
    }
  }
}
