package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.Incidents;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.Notifier;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.slack.SlackNotifier;
import io.opsflow.notify.zoom.ZoomBridge;
import io.opsflow.notify.zoom.ZoomSettings;
import io.opsflow.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a database that may lose its last commits in a crash (H2 with a write delay, PostgreSQL with
 * {@code synchronous_commit = off}), an effect read as never attempted may still have reached the
 * vendor: the runner looks before it posts or creates, with the real Slack SDK and Zoom client
 * against the local servers.
 */
class LookupWhenCommitsMayBeLostTest {

  @Test
  void theDefaultDatabasesKeepEveryCommitAndALossyOneIsRecognised(@TempDir Path dir) {
    try (TestDatabase first = TestDatabase.create();
        TestDatabase second = TestDatabase.create();
        Database durable = durable(dir, first);
        Database lossy = lossy(dir, second)) {
      assertThat(durable.mayLoseRecentCommits()).isFalse();
      assertThat(lossy.mayLoseRecentCommits()).isTrue();
    }
  }

  @Test
  void aFirstAttemptLooksForTheMessageAndMeetingAnEarlierLostAttemptLeft(@TempDir Path dir)
      throws Exception {
    try (TestDatabase pg = TestDatabase.create();
        Database db = lossy(dir, pg);
        FakeSlackServer slack = new FakeSlackServer();
        FakeZoomServer zoom = FakeZoomServer.start();
        SlackNotifier chat = new SlackNotifier(slack.token(), Optional.of(slack.url()), clock());
        SlackNotifier before =
            new SlackNotifier(slack.token(), Optional.of(slack.url()), clock())) {
      Incident opened = Incidents.aP0Incident();
      db.inTransaction(
          s -> {
            s.persist(opened);
            return null;
          });
      String incident = opened.id();
      String channel = slack.addChannel("ops", slack.botUserId());
      // what an attempt whose record the crash took left at the vendors
      before.post(channel, ChatMessage.text(incident + ":note", "Deploy frozen"), false);
      zoom.seedMeeting("Incident [opsflow " + incident + "]");
      ZoomBridge bridge =
          new ZoomBridge(
              ZoomSettings.of(
                  zoom.accountId(), zoom.clientId(), zoom.clientSecret(), zoom.apiUrl(), null));
      EffectStore store = new EffectStore(db);
      EffectDispatcher dispatcher =
          new EffectDispatcher(
              store,
              db,
              new EffectPorts(
                  Optional.<Notifier>of(chat), Optional.of(bridge), Optional.empty(), "ops.test"),
              clock(),
              new SimpleMeterRegistry(),
              1);
      db.inTransaction(
          s ->
              EffectStore.plan(
                  s,
                  new EffectPlan(
                      List.of(
                          new Effect.PostToChannel(
                              incident, incident + ":note", channel, "Deploy frozen"),
                          new Effect.OpenBridge(incident, "Incident")),
                      List.of()),
                  false,
                  clock().millis()));

      for (int i = 0; i < 2; i++) {
        List<EffectRow> claimed = store.claimDue(clock().millis(), 60_000, 10);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).mayHaveBeenSent()).isFalse();
        dispatcher.deliver(claimed.get(0));
      }
      dispatcher.close();

      assertThat(store.countsByStatus(incident)).containsExactlyEntriesOf(Map.of("done", 2L));
      assertThat(slack.messages(channel)).hasSize(1);
      assertThat(zoom.meetings()).hasSize(1);
      assertThat(store.room(incident).orElseThrow().bridgeUrl())
          .isEqualTo(zoom.meetings().get(0).joinUrl());
    }
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  /** opsflow's own H2 file URL, or PostgreSQL as it comes. */
  private static Database durable(Path dir, TestDatabase pg) {
    if (TestDatabase.postgres()) {
      return Database.open(pg.url(), pg.user(), pg.password(), 2);
    }
    return Database.open(
        "jdbc:h2:file:" + dir.resolve("durable") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "sa",
        "",
        2);
  }

  /** H2's default write delay, or PostgreSQL with {@code synchronous_commit = off}. */
  private static Database lossy(Path dir, TestDatabase pg) {
    if (!TestDatabase.postgres()) {
      return Database.open("jdbc:h2:file:" + dir.resolve("lossy"), "sa", "", 2);
    }
    String name = pg.url().substring(pg.url().lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        Statement s = c.createStatement()) {
      s.execute("alter database " + name + " set synchronous_commit = off");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return Database.open(pg.url(), pg.user(), pg.password(), 2);
  }
}
