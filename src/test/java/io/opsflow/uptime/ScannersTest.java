package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.db.Database;
import io.opsflow.sla.model.SlaAlert;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestDatabase;
import io.opsflow.uptime.model.CheckResult;
import io.opsflow.uptime.model.Heartbeat;
import io.opsflow.uptime.model.MaintenanceWindows;
import io.opsflow.uptime.model.UptimeReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat and burn-rate scanners on their own database with a clock the test moves: no
 * sleeping, and no other scanner sharing the rows.
 */
class ScannersTest {
  private final TestDatabase testDb = TestDatabase.create();
  private final Database db = Database.open(testDb.url(), testDb.user(), testDb.password(), 2);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private final List<SlaAlert> sent = new ArrayList<>();
  private boolean failSends;

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  private void send(SlaAlert a) {
    if (failSends) {
      throw new IllegalStateException("broker down");
    }
    sent.add(a);
  }

  @Test
  void aMissingHeartbeatTriggersOnceAReturningOneResolvesAndSilenceUnregisters() {
    HeartbeatStore store = new HeartbeatStore(db);
    HeartbeatScanner scanner = new HeartbeatScanner(store, this::send, clock, 1_000);
    store.beat(
        "acme",
        "backup",
        new HeartbeatStore.Settings(
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(10)),
        clock.instant());

    clock.advance(Duration.ofSeconds(90));
    assertThat(scanner.scan()).isZero(); // exactly interval + grace: not late yet
    assertThat(scanner.overdue()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(scanner.overdue()).isEqualTo(1);
    assertThat(scanner.scan()).isZero(); // no second trigger
    assertThat(sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(SlaAlert.Action.TRIGGER);
              assertThat(a.dedupKey()).isEqualTo("heartbeat:backup");
              assertThat(a.organizationId()).isEqualTo("acme");
            });

    store.beat("acme", "backup", null, clock.instant());
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(scanner.overdue()).isZero();
    assertThat(sent.get(1).action()).isEqualTo(SlaAlert.Action.RESOLVE);
    assertThat(store.find("acme", "backup").orElseThrow().state()).isEqualTo(Heartbeat.State.UP);

    // silent again: late, then past the retention unregistered with the reason
    clock.advance(Duration.ofMinutes(2));
    scanner.scan();
    clock.advance(Duration.ofMinutes(9));
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(sent)
        .extracting(SlaAlert::action)
        .containsExactly(
            SlaAlert.Action.TRIGGER,
            SlaAlert.Action.RESOLVE,
            SlaAlert.Action.TRIGGER,
            SlaAlert.Action.RESOLVE);
    assertThat(sent.get(3).summary()).contains("unregistered");
    assertThat(store.find("acme", "backup").orElseThrow().state())
        .isEqualTo(Heartbeat.State.UNREGISTERED);
    assertThat(store.registered()).isEmpty();

    // a beat after that registers the source again, keeping its settings
    Heartbeat again = store.beat("acme", "backup", null, clock.instant());
    assertThat(again.state()).isEqualTo(Heartbeat.State.UP);
    assertThat(again.retention()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void anAlertThatCannotBeSentIsTriedAgainOnTheNextScan() {
    HeartbeatStore store = new HeartbeatStore(db);
    HeartbeatScanner scanner = new HeartbeatScanner(store, this::send, clock, 1_000);
    store.beat("acme", "cron", HeartbeatStore.Settings.defaults(), clock.instant());
    clock.advance(Duration.ofMinutes(3));
    failSends = true;
    assertThatThrownBy(scanner::scan).hasMessageContaining("broker down");
    assertThat(store.find("acme", "cron").orElseThrow().state()).isEqualTo(Heartbeat.State.UP);
    failSends = false;
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(sent).extracting(SlaAlert::action).containsExactly(SlaAlert.Action.TRIGGER);
  }

  @Test
  void aFastBurnTriggersUptimeAlertAndResolvesWhenTheHourIsClean() {
    CheckResultStore results = new CheckResultStore(db);
    UptimeReports reports =
        new UptimeReports(
            results, new MaintenanceWindows(List::of), (o, c) -> Optional.empty(), clock);
    BurnScanner scanner = new BurnScanner(results, reports, this::send, clock, 30_000);
    Instant now = clock.instant();
    // a result a minute for the last hour; down for the last 5 minutes: 5/60 / 0.001 = 83x
    List<CheckResultStore.Stored> rows = new ArrayList<>();
    for (int i = 60; i >= 1; i--) {
      Instant at = now.minus(Duration.ofMinutes(i));
      rows.add(
          new CheckResultStore.Stored(
              "e-" + i, "acme", new CheckResult("home", "shop", i > 5, at, 10L, null)));
    }
    db.inTransaction(s -> CheckResultStore.record(s, rows));

    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(scanner.scan()).isZero();
    assertThat(sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.dedupKey()).isEqualTo("uptime:shop");
              assertThat(a.action()).isEqualTo(SlaAlert.Action.TRIGGER);
              assertThat(a.summary()).contains("83.3x");
            });

    // back up, and two hours later the last hour is clean
    List<CheckResultStore.Stored> later = new ArrayList<>();
    for (int i = 0; i <= 120; i++) {
      Instant at = now.plus(Duration.ofMinutes(i));
      later.add(
          new CheckResultStore.Stored(
              "f-" + i, "acme", new CheckResult("home", "shop", true, at, 10L, null)));
    }
    db.inTransaction(s -> CheckResultStore.record(s, later));
    clock.advance(Duration.ofMinutes(120));
    assertThat(scanner.scan()).isEqualTo(1);
    assertThat(sent.get(1).action()).isEqualTo(SlaAlert.Action.RESOLVE);
    assertThat(results.burning()).isEmpty();
  }

  @Test
  void resultsOlderThanTheRetentionArePrunedAndAYearOfReportsStays() {
    CheckResultStore results = new CheckResultStore(db);
    CheckResultPruner pruner =
        new CheckResultPruner(results, Duration.ofDays(400), clock, 3_600_000);
    Instant now = clock.instant();
    // one result a day for 500 days, the last one now
    List<CheckResultStore.Stored> rows = new ArrayList<>();
    for (int day = 0; day < 500; day++) {
      Instant at = now.minus(Duration.ofDays(day));
      rows.add(
          new CheckResultStore.Stored(
              "p-" + day, "acme", new CheckResult("home", "shop", true, at, 10L, null)));
    }
    db.inTransaction(s -> CheckResultStore.record(s, rows));

    assertThat(pruner.prune()).isEqualTo(99); // days 401..499; day 400 is exactly the limit
    assertThat(pruner.prune()).isZero();
    assertThat(
            results.results("acme", "shop", now.minus(Duration.ofDays(1000)), now.plusSeconds(1)))
        .hasSize(401)
        .allMatch(r -> !r.at().isBefore(now.minus(Duration.ofDays(400))));

    clock.advance(Duration.ofDays(1));
    assertThat(pruner.prune()).isEqualTo(1);
  }
}
