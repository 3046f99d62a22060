package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaFilesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void theShippedFilesLoad() {
    SlaFiles.Loaded<MaintenanceWindow> windows = SlaFiles.maintenance(Path.of("sla"), NOW);
    assertThat(windows.problems()).isEmpty();
    assertThat(windows.items())
        .extracting(MaintenanceWindow::id)
        .containsExactly("file:acme-sunday-patching", "file:acme-datacenter-move");
    assertThat(SlaFiles.checks(Path.of("sla")).problems()).isEmpty();
  }

  @Test
  void aMissingDirectoryIsNoProblem(@TempDir Path dir) {
    assertThat(SlaFiles.maintenance(dir.resolve("none"), NOW).items()).isEmpty();
    assertThat(SlaFiles.checks(dir.resolve("none")).problems()).isEmpty();
  }

  @Test
  void checksWithDefaults(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("checks.yaml"),
        "checks:\n"
            + "  - id: home\n"
            + "    organization: acme\n"
            + "    service: shop\n"
            + "    url: http://127.0.0.1:1/health\n");
    CheckDefinition c = SlaFiles.checks(dir).items().get(0);
    assertThat(c.expectedStatus()).isEqualTo(200);
    assertThat(c.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void problemsNameTheFileAndLineAndTheFileGivesNothing(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("maintenance.yaml"),
        "windows:\n"
            + "  - id: ok\n"
            + "    organization: acme\n"
            + "    start: 2026-07-01T22:00:00Z\n"
            + "    end: 2026-07-02T02:00:00Z\n"
            + "  - id: bad\n"
            + "    organization: acme\n"
            + "    rrule: FREQ=HOURLY\n"
            + "    dtstart: 2026-01-04T02:00\n"
            + "    zone: Europe/Berlin\n"
            + "    duration: PT2H\n"
            + "  - id: ok\n"
            + "    start: 2026-07-01T22:00:00Z\n"
            + "    end: 2026-07-02T02:00:00Z\n");
    SlaFiles.Loaded<MaintenanceWindow> loaded = SlaFiles.maintenance(dir, NOW);
    String file = dir.resolve("maintenance.yaml").toString();
    assertThat(loaded.items()).isEmpty();
    assertThat(loaded.problems())
        .containsExactly(
            file + ":6: window bad: FREQ must be DAILY, WEEKLY or MONTHLY",
            file + ":12: 'organization' is required",
            file + ":12: id 'ok' appears twice");
  }
}
