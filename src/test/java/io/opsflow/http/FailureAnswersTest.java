package io.opsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.Tokens;
import io.opsflow.access.UserRoutes;
import io.opsflow.access.UserStore;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.intake.IntakeRoutes;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Publisher;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A failure behind a route (a table gone, the event log unreachable, a route that throws) answers
 * an error id and nothing of the failure: no exception class, no SQL, no stack. The log line
 * carries the same id with the exception.
 */
class FailureAnswersTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger failures = (Logger) LoggerFactory.getLogger(Failures.class);

  @BeforeEach
  void listen() {
    logged.start();
    failures.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    failures.detachAppender(logged);
  }

  private static void assertNothingInside(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("org.")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("audit_entry")
        .doesNotContain("\tat ");
  }

  /** The id in the answer, after checking the log carries it with the exception. */
  private String assertLoggedId(JsonNode body) {
    String id = body.path("errorId").asText();
    assertThat(id).matches("[0-9a-f]{12}");
    assertThat(body.path("detail").asText()).contains(id);
    assertThat(logged.list)
        .anySatisfy(
            e -> {
              assertThat(e.getFormattedMessage()).contains("error id " + id);
              assertThat(e.getThrowableProxy()).isNotNull();
            });
    return id;
  }

  @Test
  void aDatabaseFailureAnswersAnErrorIdAndNoSql() throws Exception {
    String admin = "ofa_" + UUID.randomUUID();
    try (TestDatabase fresh = TestDatabase.create();
        Database db = Database.open(fresh.url(), fresh.user(), fresh.password(), 2)) {
      Tokens tokens = new Tokens(new TokenRepository(db));
      tokens.ensure(Principal.Kind.ADMIN, "admin", admin);
      UserRoutes users =
          new UserRoutes(new Authenticator(tokens), new UserStore(db), new Audit(db));
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("drop table audit_entry");
      }
      try (HttpServer server =
          new HttpServer(List.of(users::register), new SimpleMeterRegistry())) {
        ApiCalls api = new ApiCalls("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        ApiCalls.Resp r = api.get("/api/v1/audit", admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(500);
        assertThat(r.body().path("error").asText()).isEqualTo("internal error");
        assertNothingInside(r.raw());
        assertLoggedId(r.body());
      }
    }
  }

  @Test
  void anUnreachableEventLogAnswers503WithAnErrorIdOnly() throws Exception {
    Properties props = KafkaClients.producerProperties("127.0.0.1:1", "unreachable");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    try (TestDatabase fresh = TestDatabase.create();
        Database db = Database.open(fresh.url(), fresh.user(), fresh.password(), 2);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      Tokens tokens = new Tokens(new TokenRepository(db));
      String integration =
          tokens
              .issue(Principal.Kind.INTEGRATION, "monitoring", "org-" + UUID.randomUUID(), null)
              .secret();
      IntakeRoutes intake =
          new IntakeRoutes(
              new Authenticator(tokens), new Publisher(producer, Duration.ofSeconds(1)));
      try (HttpServer server =
          new HttpServer(List.of(intake::register), new SimpleMeterRegistry())) {
        ApiCalls api = new ApiCalls("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        ApiCalls.Resp r =
            api.post(
                "/api/v1/events",
                null,
                "{\"routing_key\":\""
                    + integration
                    + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"disk full\","
                    + "\"source\":\"db-1\",\"severity\":\"critical\"}}");
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertNothingInside(r.raw());
        assertThat(r.raw()).doesNotContain("kafka").doesNotContain("Timeout");
        assertLoggedId(r.body());
      }
    }
  }

  @Test
  void aSlackRouteThatFailsRepliesEphemerallyWithTheErrorId() throws Exception {
    try (HttpServer server =
        new HttpServer(
            List.of(
                r ->
                    r.post(
                        "/slack/commands",
                        ctx -> {
                          throw new IllegalStateException("org.example secret state");
                        })),
            new SimpleMeterRegistry())) {
      ApiCalls api = new ApiCalls("http://127.0.0.1:" + server.start("127.0.0.1", 0));
      ApiCalls.Resp r = api.post("/slack/commands", null, "text=status");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().path("response_type").asText()).isEqualTo("ephemeral");
      String text = r.body().path("text").asText();
      assertNothingInside(r.raw());
      String id = text.replaceAll(".*error id ([0-9a-f]{12}).*", "$1");
      assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains("error id " + id));
    }
  }

  @Test
  void jsonThatDoesNotParseIsRefusedWithoutTheParsersInsides() throws Exception {
    for (String bad : List.of("{\"a\":", "[".repeat(2000), "\u0000", "{\"a\": tru}")) {
      try {
        Http.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        throw new AssertionError("parsed: " + bad);
      } catch (ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage())
            .startsWith("body is not valid JSON")
            .doesNotContain("`")
            .doesNotContain("Source")
            .doesNotContain("com.fasterxml")
            .doesNotContain("StreamRead")
            .doesNotContain("java.");
      }
    }
  }
}
