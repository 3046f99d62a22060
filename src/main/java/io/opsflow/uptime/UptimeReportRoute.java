package io.opsflow.uptime;

import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import io.opsflow.sla.SlaJson;
import io.opsflow.uptime.model.UptimeReports;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BiPredicate;

/**
 * {@code GET /api/v1/reports/uptime}: the monthly uptime report of a service, for users of the
 * organization and admins.
 */
final class UptimeReportRoute {
  private final Authenticator auth;
  private final CheckResultStore results;
  private final UptimeReports reports;
  private final BiPredicate<String, String> configuredService;
  private final Clock clock;

  UptimeReportRoute(
      Authenticator auth,
      CheckResultStore results,
      UptimeReports reports,
      BiPredicate<String, String> configuredService,
      Clock clock) {
    this.auth = auth;
    this.results = results;
    this.reports = reports;
    this.configuredService = configuredService;
    this.clock = clock;
  }

  void report(Context ctx) {
    Principal p = auth.require(ctx);
    if (p.kind() == Principal.Kind.INTEGRATION) {
      throw ApiException.forbidden("uptime reports are read with a user or admin token");
    }
    String org = p.admin() ? ctx.queryParam("organization") : p.organizationId();
    if (org == null) {
      throw ApiException.badRequest("organization is required with an admin token");
    }
    String service = ctx.queryParam("service");
    if (service == null || service.isBlank()) {
      throw ApiException.badRequest("service is required");
    }
    YearMonth month;
    ZoneId zone;
    try {
      String m = ctx.queryParam("month");
      month = m == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : YearMonth.parse(m);
      Fields.year("month", month.getYear());
      String z = ctx.queryParam("zone");
      zone = z == null ? ZoneOffset.UTC : ZoneId.of(z);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "month must look like 2026-06 and zone be an IANA zone such as Europe/Berlin");
    }
    if (!results.knows(org, service) && !configuredService.test(org, service)) {
      throw ApiException.notFound("no checks of service " + service);
    }
    Http.json(ctx, 200, SlaJson.report(reports.month(org, service, month, zone)));
  }
}
