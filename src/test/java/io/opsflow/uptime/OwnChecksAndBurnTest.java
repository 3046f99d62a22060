package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.Tokens;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Publisher;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.CheckResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** opsflow's own check results and its fast-burn alerts, through the running app. */
class OwnChecksAndBurnTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void resultsOfOpsflowsOwnChecksReachTheReportAsTheOrganizationsIntegration() throws IOException {
    TestApp.Tenant acme = app.aCustomerOrg();
    String service = "site-" + UUID.randomUUID().toString().substring(0, 8);
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext(
        "/health",
        x -> {
          x.sendResponseHeaders(503, -1);
          x.close();
        });
    site.start();
    TokenRepository tokens = new TokenRepository(app.app().database());
    try (KafkaClients kafka = new KafkaClients(app.app().kafkaBootstrap());
        CheckScheduler scheduler =
            new CheckScheduler(
                new HttpChecker(Clock.systemUTC()),
                new Publisher(kafka.producer()),
                new InternalIntegrations(new Tokens(tokens), tokens),
                1)) {
      CheckDefinition check =
          new CheckDefinition(
              "health",
              acme.organization(),
              service,
              URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/health"),
              200,
              null,
              Duration.ofSeconds(30),
              Duration.ofSeconds(2));
      CheckResult r = scheduler.runOnce(check);
      assertThat(r.ok()).isFalse();
    } finally {
      site.stop(0);
    }
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    JsonNode report =
        api.await(
            "/api/v1/reports/uptime?service=" + service + "&month=" + month,
            acme.sre(),
            x -> x.path("downMinutes").asDouble() > 0);
    assertThat(report.path("met").asBoolean()).isFalse();
    // the results were sent as the organization's "opsflow" integration, listed with its tokens
    JsonNode listed = api.get("/api/v1/tokens?limit=1000", app.adminToken()).body();
    assertThat(
            StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(t -> acme.organization().equals(t.path("organization").asText()))
                .map(t -> t.path("name").asText()))
        .contains("opsflow");
  }

  @Test
  void aFastBurnOpensAnIncidentKeyedByTheService() {
    TestApp.Tenant acme = app.aCustomerOrg();
    String service = "api-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    // one result a minute over the last hour, failing for the last 10 minutes: ~167x
    List<String> items = new ArrayList<>();
    for (int i = 60; i >= 0; i--) {
      items.add(
          "{\"check\":\"probe\",\"service\":\""
              + service
              + "\",\"ok\":"
              + (i > 10)
              + ",\"at\":\""
              + now.minus(Duration.ofMinutes(i))
              + "\"}");
    }
    assertThat(
            api.post(
                    "/api/v1/checks/results",
                    acme.integration(),
                    "[" + String.join(",", items) + "]")
                .status())
        .isEqualTo(202);
    api.await(
        "/api/v1/reports/uptime?service=" + service,
        acme.sre(),
        x -> x.path("downMinutes").asDouble() >= 10);
    app.app().uptime().scanBurnRates();
    JsonNode incidents =
        api.await(
            "/api/v1/incidents?limit=1000",
            acme.sre(),
            l ->
                StreamSupport.stream(l.path("items").spliterator(), false)
                    .anyMatch(i -> i.path("title").asText().startsWith(service + " burns")));
    JsonNode incident =
        StreamSupport.stream(incidents.path("items").spliterator(), false)
            .filter(i -> i.path("title").asText().startsWith(service + " burns"))
            .findFirst()
            .orElseThrow();
    assertThat(incident.path("status").asText()).isEqualTo("triggered");
    JsonNode detail =
        api.get("/api/v1/incidents/" + incident.path("id").asText(), acme.sre()).body();
    assertThat(detail.path("alerts").get(0).path("fingerprint").asText())
        .isEqualTo("uptime:" + service);
  }
}
