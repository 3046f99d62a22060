package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.OrganizationScope;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.intake.IntakeRoutes;
import io.opsflow.intake.InvalidPayloadException;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.uptime.model.CheckResult;
import io.opsflow.uptime.model.UptimeReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Check results sent from outside ({@code POST /api/v1/checks/results}, integration token, one
 * result or an array; 202 once on {@code opsflow.checks}) and the monthly uptime report of a
 * service ({@code GET /api/v1/reports/uptime}, users of the organization and admins).
 */
public final class CheckRoutes {
  static final int MAX_RESULTS = 1000;

  /** A result is for now or the past: clocks may run this much ahead of ours. */
  static final Duration MAX_AHEAD = Duration.ofMinutes(5);

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Authenticator auth;
  private final Publisher publisher;
  private final CheckResultStore results;
  private final UptimeReports reports;
  private final BiPredicate<String, String> configuredService;
  private final Duration retention;
  private final Clock clock;

  /**
   * @param configuredService (organization, service): true when checks.yaml checks it
   * @param retention how long results are kept: an older one is refused
   */
  public CheckRoutes(
      Authenticator auth,
      Publisher publisher,
      CheckResultStore results,
      UptimeReports reports,
      BiPredicate<String, String> configuredService,
      Duration retention,
      Clock clock) {
    this.auth = auth;
    this.publisher = publisher;
    this.results = results;
    this.reports = reports;
    this.configuredService = configuredService;
    this.retention = retention;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/checks/results", this::intake);
    routes.get(
        "/api/v1/reports/uptime",
        new UptimeReportRoute(auth, results, reports, configuredService, clock)::report);
  }

  private void intake(Context ctx) {
    Principal integration = auth.requireIntegration(Http.bearer(ctx));
    JsonNode body = Http.parse(Http.body(ctx));
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(items::add);
      if (items.isEmpty() || items.size() > MAX_RESULTS) {
        throw ApiException.badRequest("an array of 1 to " + MAX_RESULTS + " results is expected");
      }
    } else {
      items.add(body);
    }
    Instant now = clock.instant();
    List<Publisher.Keyed> records = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      CheckResult r;
      // results are the token's organization's: naming another one is refused, not re-homed
      JsonNode named = items.get(i).path("organization");
      OrganizationScope.of(integration, named.isTextual() ? named.asText() : null);
      try {
        r = CheckResultFormat.read(items.get(i), now);
        inRange(r.at(), now);
        Fields.atMost(
            "detail", items.get(i).path("detail").asText(null), CheckResultFormat.MAX_DETAIL);
      } catch (InvalidPayloadException e) {
        throw ApiException.badRequest(
            (body.isArray() ? "result " + i + ": " : "") + e.getMessage());
      }
      CloudEvent event =
          Envelopes.of(
              EnvelopeTypes.CHECK_RESULT,
              IntakeRoutes.sender(integration),
              r.service(),
              CheckResultFormat.write(r));
      records.add(new Publisher.Keyed(r.service(), event));
    }
    publisher.publishAll(Topics.CHECKS, records);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "accepted");
    answer.put("ids", records.stream().map(k -> k.event().id()).toList());
    Http.json(ctx, 202, answer);
  }

  private void inRange(Instant at, Instant now) {
    Instant oldest = now.minus(retention);
    oldest = oldest.isBefore(EARLIEST) ? EARLIEST : oldest;
    if (at.isBefore(oldest) || at.isAfter(now.plus(MAX_AHEAD))) {
      throw new InvalidPayloadException(
          "at must lie between " + oldest + " and " + MAX_AHEAD.toMinutes() + " minutes from now");
    }
  }
}
