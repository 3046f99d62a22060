package io.opsflow.sla.model;

import static io.opsflow.sla.model.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClockTest {
  private final BusinessCalendar office = Calendars.aBerlinOffice();

  private SlaClock eightHoursFrom(String localStart) {
    return SlaClock.start(berlin(localStart), Duration.ofHours(8), office);
  }

  @Test
  void pausingOverAWeekendMovesTheDeadlineByTheBusinessTimePausedOnly() {
    SlaClock clock = eightHoursFrom("2026-03-06T10:00");
    assertThat(clock.due()).contains(berlin("2026-03-09T10:00"));

    SlaClock paused = clock.pause(berlin("2026-03-06T16:00"), "waiting for customer");
    assertThat(paused.due()).isEmpty();
    SlaClock resumed = paused.resume(berlin("2026-03-09T10:00"));

    assertThat(resumed.due()).contains(berlin("2026-03-09T12:00"));
    assertThat(clock.due()).contains(berlin("2026-03-09T10:00")); // the old clock is unchanged
  }

  @Test
  void whilePausedTheRemainingTimeStandsStillAndTheDueIsProjectedFromNow() {
    SlaClock paused = eightHoursFrom("2026-03-09T09:00").pause(berlin("2026-03-09T11:00"), "hold");

    SlaStatus status = paused.status(berlin("2026-03-10T09:00"));

    assertThat(status.paused()).isTrue();
    assertThat(status.remainingBusinessTime()).isEqualTo(Duration.ofHours(6));
    assertThat(status.due()).isEqualTo(berlin("2026-03-10T15:00"));
    assertThat(status.breached()).isFalse();
  }

  @Test
  void warnsAtThreeQuartersOfTheTarget() {
    SlaClock clock = eightHoursFrom("2026-03-06T16:30");

    assertThat(clock.warningAt()).contains(berlin("2026-03-09T14:30"));
    assertThat(clock.warningAt(0.5)).contains(berlin("2026-03-09T12:30"));
    assertThatThrownBy(() -> clock.warningAt(1.5)).hasMessageContaining("(0, 1]");
  }

  @Test
  void stoppingBeforeTheDeadlineMeetsIt() {
    SlaClock stopped = eightHoursFrom("2026-03-09T09:00").stop(berlin("2026-03-09T16:00"));

    SlaStatus status = stopped.status(berlin("2026-03-12T09:00"));

    assertThat(status.met()).isTrue();
    assertThat(status.breached()).isFalse();
    assertThat(status.stoppedAt()).contains(berlin("2026-03-09T16:00"));
    assertThat(status.remainingBusinessTime()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void stoppingAfterTheDeadlineRecordsTheBreach() {
    SlaClock stopped = eightHoursFrom("2026-03-09T09:00").stop(berlin("2026-03-10T10:30"));

    SlaStatus status = stopped.status(berlin("2026-03-12T09:00"));

    assertThat(status.met()).isFalse();
    assertThat(status.breached()).isTrue();
    assertThat(status.remainingBusinessTime()).isEqualTo(Duration.ofMinutes(-90));
  }

  @Test
  void aRunningClockIsBreachedOnceItsDeadlinePassesAndAPauseDoesNotUndoIt() {
    SlaClock clock = SlaClock.start(berlin("2026-03-09T09:00"), Duration.ofHours(1), office);
    SlaClock pausedLate = clock.pause(berlin("2026-03-09T11:00"), "customer away");

    assertThat(clock.status(berlin("2026-03-09T09:59")).breached()).isFalse();
    SlaStatus status = pausedLate.status(berlin("2026-03-09T12:00"));
    assertThat(status.breached()).isTrue();
    assertThat(status.due()).isEqualTo(berlin("2026-03-09T10:00"));
    assertThat(status.remainingBusinessTime()).isEqualTo(Duration.ofHours(-1));
  }

  @Test
  void retargetingAfterReprioritizationCountsFromTheOriginalStartKeepingPauses() {
    SlaClock p2 =
        SlaClock.start(berlin("2026-03-09T10:00"), Duration.ofHours(32), office)
            .pause(berlin("2026-03-09T12:00"), "waiting for logs")
            .resume(berlin("2026-03-10T12:00"));

    SlaClock p1 = p2.retarget(Duration.ofHours(8));

    // 2 h before the pause, 8 business hours paused, 6 h after: Tuesday 12:00-17:00 and 09:00-10:00
    assertThat(p1.due()).contains(berlin("2026-03-11T10:00"));
    assertThat(p1.started()).isEqualTo(p2.started());
    assertThat(p1.pauses()).isEqualTo(p2.pauses());
  }

  @Test
  void retargetingOntoARoundTheClockCalendar() {
    Instant opened = berlin("2026-03-06T16:30");
    SlaClock p1 = SlaPolicy.defaults().responseClock("P-1", opened, office);

    SlaClock p0 = p1.retarget(Duration.ofHours(1), BusinessCalendar.alwaysOpen(office.zone()));

    assertThat(p0.due()).contains(berlin("2026-03-06T17:30"));
  }

  @Test
  void refusesPausingTwiceResumingARunningClockAndChangingAStoppedOne() {
    SlaClock clock = eightHoursFrom("2026-03-09T09:00");
    SlaClock paused = clock.pause(berlin("2026-03-09T10:00"), "hold");

    assertThatThrownBy(() -> paused.pause(berlin("2026-03-09T11:00"), "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already paused since");
    assertThatThrownBy(() -> clock.resume(berlin("2026-03-09T11:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the SLA clock is running; only a paused clock resumes");
    SlaClock stopped = clock.stop(berlin("2026-03-09T11:00"));
    assertThatThrownBy(() -> stopped.pause(berlin("2026-03-09T12:00"), "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot pause: the SLA clock stopped at");
    assertThatThrownBy(() -> paused.resume(berlin("2026-03-09T09:30")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the clock's last event");
  }

  @Test
  void stoppingWhilePausedEndsThePause() {
    SlaClock stopped =
        eightHoursFrom("2026-03-09T09:00")
            .pause(berlin("2026-03-09T10:00"), "hold")
            .stop(berlin("2026-03-09T15:00"));

    assertThat(stopped.paused()).isFalse();
    assertThat(stopped.status(berlin("2026-03-09T15:00")).remainingBusinessTime())
        .isEqualTo(Duration.ofHours(7));
    assertThat(stopped.due()).contains(berlin("2026-03-10T14:00")); // 8 h + 5 h paused
  }
}
