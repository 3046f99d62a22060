package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.kafka.CloudEvent;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.testing.MutableClock;
import io.opsflow.uptime.model.MaintenanceWindow;
import io.opsflow.uptime.model.MaintenanceWindows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceScannerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T09:59:00Z"));
  private final MaintenanceWindow window =
      new MaintenanceWindow(
          "mw-1",
          "acme",
          "checkout",
          "db upgrade",
          Recurrence.once(
              Instant.parse("2026-06-10T10:00:00Z"), Instant.parse("2026-06-10T11:00:00Z")),
          "api",
          clock.instant());
  private final List<String> sent = new ArrayList<>();
  private boolean failing;

  private void send(String key, CloudEvent e) {
    if (failing) {
      throw new IllegalStateException("broker down");
    }
    sent.add(
        key
            + " "
            + e.type()
            + " "
            + e.subject()
            + " "
            + e.time()
            + " "
            + new String(e.data(), StandardCharsets.UTF_8)
                .contains(
                    "\"event\":\"" + e.type().substring(e.type().lastIndexOf('.') + 1) + "\""));
  }

  @Test
  void startsAndEndsAreSentOnceEachAsTheyHappen() {
    MaintenanceScanner scanner =
        new MaintenanceScanner(
            new MaintenanceWindows(() -> List.of(window)), this::send, clock, 30_000);
    assertThat(scanner.scan()).isZero();
    clock.advance(Duration.ofSeconds(90));
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(scanner.scan()).isZero();
    clock.advance(Duration.ofMinutes(30));
    assertThat(scanner.scan()).isZero();

    clock.advance(Duration.ofMinutes(31));
    failing = true;
    assertThatThrownBy(scanner::scan).hasMessageContaining("broker down");
    failing = false;
    assertThat(scanner.scan()).isEqualTo(1); // the end, sent on the next scan

    assertThat(sent)
        .containsExactly(
            "checkout io.opsflow.maintenance.started mw-1 2026-06-10T10:00:00Z true",
            "checkout io.opsflow.maintenance.ended mw-1 2026-06-10T11:00:00Z true");
  }
}
