package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.access.SignInFailures;
import io.opsflow.db.Database;
import io.opsflow.http.HttpServer;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle counts failures in the database: two instances serving the pages over one
 * database (as behind a load balancer) and one started later (a restart) see the same failures. The
 * instances run on the test's own clock, a day back, so that the failures of other tests do not
 * count here, nor these there.
 */
class SignInThrottleTest {
  private static final TestApp APP = TestApp.shared();
  private static final MutableClock CLOCK =
      new MutableClock(Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
  private static final List<HttpServer> SERVERS = new ArrayList<>();
  private static KafkaClients kafka;
  private static String first;
  private static String second;

  @BeforeAll
  static void startTwoInstances() {
    kafka = new KafkaClients(APP.app().kafkaBootstrap());
    first = startInstance();
    second = startInstance();
  }

  @AfterAll
  static void stop() {
    SERVERS.forEach(HttpServer::close);
    kafka.close();
  }

  /** The pages of one more instance over the shared database; its base URL. */
  private static String startInstance() {
    Database db = APP.app().database();
    Pages pages = PagesOver.database(db, kafka.producer(), CLOCK);
    HttpServer server =
        new HttpServer(List.of(pages::register), new SimpleMeterRegistry(), List.of());
    SERVERS.add(server);
    return "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  private static PageClient.Page fail(String base, String email) {
    PageClient.Page p = new PageClient(base).signIn("/portal", email, "not the password at all");
    assertThat(p.status()).as(p.body()).isEqualTo(401);
    assertThat(p.body()).contains("The email address or password is not right.");
    return p;
  }

  private static PageClient.Page signIn(String base, String email) {
    return new PageClient(base).signIn("/portal", email, People.PASSWORD);
  }

  private static void assertRefused(PageClient.Page p, long retryAfterSeconds) {
    assertThat(p.status()).as(p.body()).isEqualTo(429);
    assertThat(p.header("Retry-After")).isEqualTo(Long.toString(retryAfterSeconds));
    assertThat(p.body())
        .contains(
            "Too many failed sign-ins. Try again in "
                + (retryAfterSeconds + 59) / 60
                + " minute(s).");
    assertThat(p.response().headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
  }

  @Test
  void failuresOnEveryInstanceCountTowardsOneLimitAndSurviveARestart() {
    People.Person carol = People.aCustomer(APP, People.anOrganization());
    for (int i = 0; i < 3; i++) {
      fail(first, carol.email());
    }
    fail(second, carol.email());
    fail(second, carol.email().toUpperCase(java.util.Locale.ROOT));

    assertRefused(signIn(second, carol.email()), 900);
    assertRefused(signIn(first, " " + carol.email() + " "), 900);
    String restarted = startInstance();
    CLOCK.advance(Duration.ofMinutes(5));
    assertRefused(signIn(restarted, carol.email()), 600);

    CLOCK.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertRefused(signIn(first, carol.email()), 1);
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(signIn(first, carol.email()).status()).isEqualTo(303);
  }

  @Test
  void aSuccessfulSignInClearsTheAddressesFailuresOnEveryInstance() {
    People.Person carol = People.aCustomer(APP, People.anOrganization());
    for (int i = 0; i < 4; i++) {
      fail(i % 2 == 0 ? first : second, carol.email());
    }
    assertThat(signIn(second, carol.email()).status()).isEqualTo(303);
    for (int i = 0; i < 4; i++) {
      fail(i % 2 == 0 ? first : second, carol.email());
    }
    assertThat(signIn(first, carol.email()).status()).isEqualTo(303);
  }

  @Test
  void anUnknownAddressIsCountedAndAnsweredAsAKnownOne() {
    People.Person carol = People.aCustomer(APP, People.anOrganization());
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 5; i++) {
      PageClient.Page known = fail(i % 2 == 0 ? first : second, carol.email());
      PageClient.Page unknown = fail(i % 2 == 0 ? second : first, nobody);
      assertThat(unknown.header("Retry-After")).isEqualTo(known.header("Retry-After")).isNull();
    }
    PageClient.Page known = signIn(first, carol.email());
    PageClient.Page unknown = signIn(second, nobody);
    assertRefused(known, 900);
    assertRefused(unknown, 900);
  }

  @Test
  void oneClientIsRefusedAfterFiftyFailuresWithinTheSlidingWindow() {
    Database db = APP.app().database();
    SignInFailures store = new SignInFailures(db);
    String client = "203.0.113." + UUID.randomUUID();
    Duration window = Duration.ofMinutes(15);
    SignInThrottle before = new SignInThrottle(store, CLOCK, "client", 50, window);
    for (int i = 0; i < 25; i++) {
      before.failed(client);
    }
    CLOCK.advance(Duration.ofMinutes(5));
    SignInThrottle after = new SignInThrottle(store, CLOCK, "client", 50, window);
    for (int i = 0; i < 24; i++) {
      after.failed(client);
    }
    assertThat(after.wait(client)).isZero();
    after.failed(client);
    assertThat(after.wait(client)).isEqualTo(Duration.ofMinutes(10));
    assertThat(before.wait(client)).isEqualTo(Duration.ofMinutes(10));

    // the first 25 leave the window: 25 count, and the next failure prunes the old rows
    CLOCK.advance(Duration.ofMinutes(10));
    assertThat(after.wait(client)).isZero();
    CLOCK.advance(Duration.ofMinutes(1));
    SignInThrottle later = new SignInThrottle(store, CLOCK, "client", 50, window);
    later.failed(client);
    assertThat(store.latest("client", client, Instant.EPOCH, CLOCK.instant(), 100)).hasSize(26);
    later.succeeded(client);
    assertThat(store.latest("client", client, Instant.EPOCH, CLOCK.instant(), 100)).isEmpty();
  }
}
