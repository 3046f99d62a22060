package io.opsflow.notify.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsflow.fakes.FakeZoomMeeting;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.fakes.FakeZoomServer.Fault;
import io.opsflow.notify.model.ConferenceBridge.Bridge;
import io.opsflow.notify.model.ConferenceBridge.BridgeRequest;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zoom adapter against a local server that speaks Zoom's OAuth and meetings API. */
class ZoomBridgeTest {
  private static final Instant T0 = Instant.parse("2025-03-04T10:15:30.500Z");

  private FakeZoomServer zoom;
  private MutableClock clock;
  private ZoomBridge bridge;

  @BeforeEach
  void start() {
    zoom = FakeZoomServer.start();
    clock = new MutableClock(T0);
    bridge = new ZoomBridge(settings(zoom.clientSecret()), clock);
  }

  @AfterEach
  void stop() {
    zoom.close();
  }

  private ZoomSettings settings(String secret) {
    return ZoomSettings.of(zoom.accountId(), zoom.clientId(), secret, zoom.apiUrl(), null);
  }

  private static BridgeRequest anIncident(String id) {
    return new BridgeRequest(id, "P1 checkout is down", "Customers cannot pay since 10:12.");
  }

  @Test
  void createsAMeetingAndReturnsItsJoinUrl() throws EffectFailure {
    Bridge b = bridge.open(anIncident("inc-42"), false);

    assertThat(zoom.meetings()).hasSize(1);
    FakeZoomMeeting m = zoom.meetings().get(0);
    assertThat(b.id()).isEqualTo(String.valueOf(m.id()));
    assertThat(b.joinUrl()).isEqualTo(m.joinUrl()).startsWith(zoom.baseUrl() + "/j/");
    assertThat(b.password()).isEqualTo(m.password()).isNotEmpty();
    assertThat(m.topic()).isEqualTo("P1 checkout is down [opsflow inc-42]");
    assertThat(m.agenda()).isEqualTo("Customers cannot pay since 10:12.");
    assertThat(m.type()).isEqualTo(2);
    assertThat(m.duration()).isEqualTo(60);
    assertThat(m.startTime()).isEqualTo("2025-03-04T10:15:30Z");
    assertThat(m.joinBeforeHost()).isTrue();
    assertThat(m.waitingRoom()).isFalse();
  }

  @Test
  void keepsAMarkerAlreadyInTheTopicAndCutsLongTopicsToZoomsLimit() throws EffectFailure {
    bridge.open(new BridgeRequest("inc-1", "[opsflow inc-1] db", ""), false);
    bridge.open(new BridgeRequest("inc-2", "x".repeat(500), ""), false);

    assertThat(zoom.meetings().get(0).topic()).isEqualTo("[opsflow inc-1] db");
    String longTopic = zoom.meetings().get(1).topic();
    assertThat(longTopic).hasSize(200).endsWith(" [opsflow inc-2]");
  }

  @Test
  void cachesTheTokenAcrossMeetings() throws EffectFailure {
    bridge.open(anIncident("inc-1"), false);
    bridge.open(anIncident("inc-2"), false);

    assertThat(zoom.meetings()).hasSize(2);
    assertThat(zoom.tokenRequests()).isEqualTo(1);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Bridge>> opened = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String id = "inc-" + i;
        opened.add(pool.submit(() -> bridge.open(anIncident(id), false)));
      }
      for (Future<Bridge> f : opened) {
        assertThat(f.get().joinUrl()).isNotEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(zoom.meetings()).hasSize(8);
    assertThat(zoom.tokenRequests()).isEqualTo(1);
  }

  @Test
  void renewsTheTokenAMinuteBeforeItExpires() throws EffectFailure {
    zoom.tokenLifetime(Duration.ofSeconds(3600));
    bridge.open(anIncident("inc-1"), false);

    clock.advance(Duration.ofSeconds(3600 - 61));
    bridge.open(anIncident("inc-2"), false);
    assertThat(zoom.tokenRequests()).as("still more than a minute left").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    bridge.open(anIncident("inc-3"), false);
    assertThat(zoom.tokenRequests()).as("a minute left: renewed").isEqualTo(2);
    assertThat(zoom.meetings()).hasSize(3);
  }

  @Test
  void aRefusedTokenIsReplacedOnceAndTheCallRepeated() throws EffectFailure {
    bridge.open(anIncident("inc-1"), false);
    zoom.expireAllTokens();

    Bridge b = bridge.open(anIncident("inc-2"), false);

    assertThat(b.joinUrl()).isNotEmpty();
    assertThat(zoom.tokenRequests()).isEqualTo(2);
    assertThat(zoom.meetings()).extracting(FakeZoomMeeting::topic).hasSize(2);
    long posts =
        zoom.calls().stream()
            .filter(c -> c.method().equals("POST") && c.path().equals(FakeZoomServer.MEETINGS_PATH))
            .count();
    assertThat(posts).as("inc-1, then inc-2 refused and repeated").isEqualTo(3);
  }

  @Test
  void a401AfterTheRefreshIsPermanent() {
    zoom.failNext(FakeZoomServer.MEETINGS_PATH, 2, Fault.status(401, 124, "Invalid access token."));

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> bridge.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("http_401");
    assertThat(f.reason()).contains("code 124").contains("Invalid access token.");
    assertThat(zoom.tokenRequests()).isEqualTo(2);
    assertThat(zoom.meetings()).isEmpty();
  }

  @Test
  void afterACrashFindsTheMeetingItCreatedInsteadOfCreatingAnother() throws EffectFailure {
    Bridge first = bridge.open(anIncident("inc-7"), false);

    Bridge again = bridge.open(anIncident("inc-7"), true);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.joinUrl()).isEqualTo(first.joinUrl());
    assertThat(zoom.meetings()).hasSize(1);
  }

  @Test
  void followsPagesWhenLookingForItsMeeting() throws EffectFailure {
    for (int i = 0; i < 301; i++) {
      zoom.seedMeeting("someone else's meeting " + i);
    }
    zoom.seedMeeting("P1 checkout is down [opsflow inc-70]");

    Bridge found = bridge.open(anIncident("inc-7"), true);
    assertThat(zoom.meetings())
        .hasSize(303)
        .last()
        .extracting(FakeZoomMeeting::topic)
        .isEqualTo("P1 checkout is down [opsflow inc-7]");
    assertThat(found.id()).isEqualTo(String.valueOf(zoom.meetings().get(302).id()));

    Bridge other = bridge.open(anIncident("inc-70"), true);
    assertThat(other.id()).isEqualTo(String.valueOf(zoom.meetings().get(301).id()));
    assertThat(zoom.meetings()).hasSize(303);
    assertThat(zoom.calls())
        .filteredOn(c -> c.method().equals("GET"))
        .extracting(FakeZoomServer.Call::query)
        .contains("type=upcoming&page_size=300&next_page_token=page-300");
  }

  @Test
  void rateLimitIsRetryableAfterTheDelayZoomAsksFor() {
    zoom.failNext(FakeZoomServer.MEETINGS_PATH, 1, Fault.tooManyRequests("17"));

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> bridge.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("rate_limited");
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(17));
  }

  @Test
  void rateLimitWithAnHttpDate() {
    String in90s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(T0.plusSeconds(90).atOffset(ZoneOffset.UTC));
    zoom.failNext(FakeZoomServer.MEETINGS_PATH, 1, Fault.tooManyRequests(in90s));

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> bridge.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isTrue();
    // the header has whole seconds; the clock is half a second past T0
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(90).minusMillis(500));
  }

  @Test
  void serverErrorIsRetryable() {
    zoom.failNext(FakeZoomServer.MEETINGS_PATH, 1, Fault.status(500, 500, "Internal error"));

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> bridge.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("http_500");
    assertThat(f.retryAfter()).isEmpty();
  }

  @Test
  void aRejectedRequestIsPermanentWithZoomsMessage() {
    zoom.failNext(FakeZoomServer.MEETINGS_PATH, 1, Fault.status(404, 1001, "User does not exist."));

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> bridge.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isFalse();
    assertThat(f.reason())
        .isEqualTo(
            "Zoom refused to create the meeting (HTTP 404): code 1001, User does not exist.");
  }

  @Test
  void badCredentialsArePermanentWithAClearReason() {
    ZoomBridge wrong = new ZoomBridge(settings("not-the-secret"), clock);

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> wrong.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("oauth_invalid_client");
    assertThat(f.reason())
        .contains("Zoom refused the app's credentials")
        .contains("Invalid client_id or client_secret")
        .doesNotContain("not-the-secret");
    assertThat(zoom.meetings()).isEmpty();
  }

  @Test
  void anUnreachableZoomIsRetryable() {
    String apiUrl = zoom.apiUrl();
    zoom.close();
    ZoomBridge down = new ZoomBridge(ZoomSettings.of("a", "b", "c", apiUrl, null), clock);

    EffectFailure f =
        catchThrowableOfType(EffectFailure.class, () -> down.open(anIncident("inc-1"), false));

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("io");
  }

  @Test
  void settingsDeriveTheOAuthUrlAndHideTheSecret() {
    ZoomSettings local = settings("s3cr3t-value");
    assertThat(local.oauthUrl()).isEqualTo(zoom.baseUrl() + "/oauth/token");
    assertThat(local.toString()).doesNotContain("s3cr3t-value").contains(zoom.clientId());

    ZoomSettings real = ZoomSettings.of("acct", "id", "s3cr3t-value", null, null);
    assertThat(real.apiUrl()).isEqualTo("https://api.zoom.us/v2");
    assertThat(real.oauthUrl()).isEqualTo("https://zoom.us/oauth/token");
    assertThat(real.toString()).doesNotContain("s3cr3t-value");

    ZoomSettings explicit =
        ZoomSettings.of("acct", "id", "x", "https://api.zoom.us/v2/", "http://proxy/oauth");
    assertThat(explicit.apiUrl()).isEqualTo("https://api.zoom.us/v2");
    assertThat(explicit.oauthUrl()).isEqualTo("http://proxy/oauth");
  }
}
