package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Schedules.aDailyLayer;
import static io.opsflow.escalation.model.Schedules.aSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnCallDirectoryTest {
  private final Schedule daily = aSchedule("UTC", aDailyLayer("09:00", "2026-01-05", "ann", "ben"));
  private final Schedule nobody = aSchedule("UTC", aDailyLayer("09:00", "2026-01-05"));
  private final OnCallDirectory directory =
      new OnCallDirectory(
          List.of(
              new User("ann", "Ann", "ann@example.com", "U1"), new User("ben", null, null, null)),
          Map.of("daily", daily, "nobody", nobody));

  @Test
  void knowsItsUsersAndSchedules() {
    assertThat(directory.userExists("ann")).isTrue();
    assertThat(directory.userExists("zoe")).isFalse();
    assertThat(directory.user("ben").orElseThrow().name()).isEqualTo("ben");
    assertThat(directory.scheduleExists("daily")).isTrue();
    assertThat(directory.scheduleExists("weekly")).isFalse();
  }

  @Test
  void asksTheScheduleWhoIsOnCall() {
    assertThat(directory.onCallAt("daily", Instant.parse("2026-01-05T10:00:00Z"))).contains("ann");
    assertThat(directory.onCallAt("daily", Instant.parse("2026-01-06T10:00:00Z"))).contains("ben");
    assertThat(directory.onCallAt("daily", Instant.parse("2026-01-01T10:00:00Z"))).isEmpty();
    assertThat(directory.onCallAt("weekly", Instant.parse("2026-01-05T10:00:00Z"))).isEmpty();
  }

  @Test
  void aScheduleCoversWhenSomeLayerHasParticipants() {
    assertThat(directory.scheduleEverCovers("daily")).isTrue();
    assertThat(directory.scheduleEverCovers("nobody")).isFalse();
    assertThat(directory.scheduleEverCovers("weekly")).isFalse();
  }
}
