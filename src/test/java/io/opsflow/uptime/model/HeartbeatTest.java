package io.opsflow.uptime.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.sla.model.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  private static final Instant BEAT = Instant.parse("2026-06-01T12:00:00Z");

  private static Heartbeat beat(Heartbeat.State state) {
    return new Heartbeat(
        "acme",
        "nightly-backup",
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        BEAT,
        state);
  }

  @Test
  void lateOnlyAfterIntervalPlusGrace() {
    assertThat(beat(Heartbeat.State.UP).changeAt(BEAT.plusSeconds(90))).isEmpty();
    Heartbeat.Change late = beat(Heartbeat.State.UP).changeAt(BEAT.plusSeconds(91)).orElseThrow();
    assertThat(late.to()).isEqualTo(Heartbeat.State.LATE);
    assertThat(late.action()).isEqualTo(SlaAlert.Action.TRIGGER);
    assertThat(beat(Heartbeat.State.LATE).changeAt(BEAT.plusSeconds(300))).isEmpty();
  }

  @Test
  void aReturningBeatResolves() {
    Heartbeat returned =
        new Heartbeat(
            "acme",
            "nightly-backup",
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            BEAT.plusSeconds(200),
            Heartbeat.State.LATE);
    Heartbeat.Change back = returned.changeAt(BEAT.plusSeconds(201)).orElseThrow();
    assertThat(back.to()).isEqualTo(Heartbeat.State.UP);
    assertThat(back.action()).isEqualTo(SlaAlert.Action.RESOLVE);
  }

  @Test
  void silentBeyondRetentionIsUnregisteredResolvingOnlyWhatWasTriggered() {
    Heartbeat.Change gone =
        beat(Heartbeat.State.LATE).changeAt(BEAT.plusSeconds(601)).orElseThrow();
    assertThat(gone.to()).isEqualTo(Heartbeat.State.UNREGISTERED);
    assertThat(gone.action()).isEqualTo(SlaAlert.Action.RESOLVE);
    assertThat(gone.reason()).contains("unregistered").contains("PT10M");
    Heartbeat.Change quiet = beat(Heartbeat.State.UP).changeAt(BEAT.plusSeconds(601)).orElseThrow();
    assertThat(quiet.to()).isEqualTo(Heartbeat.State.UNREGISTERED);
    assertThat(quiet.action()).isNull();
    assertThat(beat(Heartbeat.State.UNREGISTERED).changeAt(BEAT.plusSeconds(9999))).isEmpty();
  }

  @Test
  void settingsAreChecked() {
    assertThat(
            Heartbeat.invalid(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(90)))
        .contains("retention must be longer than interval + grace and at most P90D");
    assertThat(Heartbeat.invalid(Duration.ZERO, Duration.ZERO, Duration.ofDays(1))).isPresent();
    assertThat(
            Heartbeat.invalid(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofDays(7)))
        .isEmpty();
  }
}
