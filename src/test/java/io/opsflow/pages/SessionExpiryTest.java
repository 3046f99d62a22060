package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.TicketsConfig;
import io.opsflow.db.Database;
import io.opsflow.http.HttpServer;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session expiry, with time moved by hand: the pages of the shared instance's database and broker
 * are served by a second HTTP server whose clock the test owns (idle 30 minutes, at most 2 hours).
 */
class SessionExpiryTest {
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final Duration MAX = Duration.ofHours(2);
  private static final TestApp APP = TestApp.shared();
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static KafkaClients kafka;
  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void startPagesWithOwnClock() {
    Database db = APP.app().database();
    kafka = new KafkaClients(APP.app().kafkaBootstrap());
    TicketsConfig config =
        new ConfigLoader(
                Map.of(
                    "OPSFLOW_CONFIG", "no-such-opsflow.yaml",
                    "OPSFLOW_SESSION_IDLE", IDLE.toString(),
                    "OPSFLOW_SESSION_MAX", MAX.toString()))
            .load()
            .tickets();
    assertThat(config.sessionIdle()).isEqualTo(IDLE);
    Pages pages = PagesOver.database(db, kafka.producer(), CLOCK, config);
    server = new HttpServer(List.of(pages::register), new SimpleMeterRegistry());
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    kafka.close();
  }

  private PageClient signedIn() {
    People.Person carol = People.aCustomer(APP, People.anOrganization());
    PageClient c = new PageClient(base);
    assertThat(c.signIn("/portal", carol.email(), People.PASSWORD).status()).isEqualTo(303);
    assertThat(c.get("/portal").status()).isEqualTo(200);
    return c;
  }

  @Test
  void aSessionIdleForLongerThanTheIdleLimitIsSentToSignIn() {
    PageClient c = signedIn();
    CLOCK.advance(IDLE.minusMinutes(1));
    assertThat(c.get("/portal").status()).isEqualTo(200);
    CLOCK.advance(IDLE.minusMinutes(1));
    assertThat(c.get("/portal").status()).as("each request restarts the idle time").isEqualTo(200);
    CLOCK.advance(IDLE.plusSeconds(1));
    PageClient.Page expired = c.get("/portal/new");
    assertThat(expired.status()).isEqualTo(303);
    assertThat(expired.location()).isEqualTo("/portal/signin?next=%2Fportal%2Fnew");
    assertThat(new PageClient(base).getWithCookie("/portal", "opsflow_session=x").status())
        .isEqualTo(303);
  }

  @Test
  void aBusySessionStillEndsAtItsAbsoluteLimit() {
    PageClient c = signedIn();
    for (Duration used = Duration.ZERO;
        used.plusMinutes(20).compareTo(MAX) < 0;
        used = used.plusMinutes(20)) {
      CLOCK.advance(Duration.ofMinutes(20));
      assertThat(c.get("/portal").status()).isEqualTo(200);
    }
    CLOCK.advance(Duration.ofMinutes(20));
    assertThat(c.get("/portal").status()).isEqualTo(303);
  }

  @Test
  void signingOutDeletesTheSessionSoItsCookieIsWorthNothing() {
    PageClient c = signedIn();
    String cookie = "opsflow_session=" + c.sessionCookie();
    PageClient other = new PageClient(base);
    assertThat(other.getWithCookie("/portal", cookie).status()).isEqualTo(200);
    String csrf = c.get("/portal").csrf();
    PageClient.Page out = c.post("/portal/signout", Map.of("csrf", csrf));
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.location()).isEqualTo("/portal/signin?signedout=1");
    assertThat(c.get(out.location()).body()).contains("You are signed out.");
    assertThat(other.getWithCookie("/portal", cookie).status()).isEqualTo(303);
  }
}
