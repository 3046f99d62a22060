package io.opsflow.sla;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/sla?organization=...&month=YYYY-MM}: the share of SLA clocks that met
 * their target, by kind and priority. Users see their own organization only (another one is 404);
 * admins name the organization.
 */
public final class SlaReportRoutes {
  private final Authenticator auth;
  private final SlaReports reports;

  public SlaReportRoutes(Authenticator auth, SlaReports reports) {
    this.auth = auth;
    this.reports = reports;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/reports/sla", this::report);
  }

  private void report(Context ctx) {
    Principal p = auth.require(ctx);
    if (p.kind() == Principal.Kind.INTEGRATION) {
      throw new ApiException(403, "forbidden", "integration tokens cannot read reports");
    }
    String asked = ctx.queryParam("organization");
    String organization;
    if (p.admin()) {
      if (asked == null || asked.isBlank()) {
        throw ApiException.badRequest("organization is required");
      }
      organization = asked;
    } else {
      if (asked != null && !asked.isBlank() && !asked.equals(p.organizationId())) {
        throw ApiException.notFound("no organization " + asked);
      }
      organization = p.organizationId();
    }
    YearMonth month;
    try {
      String raw = ctx.queryParam("month");
      month = raw == null ? YearMonth.now() : YearMonth.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("month must be YYYY-MM");
    }
    Fields.year("month", month.getYear());
    SlaReports.Report r = reports.report(organization, month, Instant.now());
    List<Object> items = new ArrayList<>();
    for (SlaReports.Line l : r.lines()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("kind", l.kind());
      x.put("priority", l.priority());
      x.put("clocks", l.clocks());
      x.put("met", l.met());
      x.put("missed", l.missed());
      x.put("running", l.running());
      x.put("shareMet", l.shareMet());
      items.add(x);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organization", r.organization());
    body.put("month", r.month().toString());
    body.put("zone", r.zone().getId());
    body.put("items", items);
    Http.json(ctx, 200, body);
  }
}
