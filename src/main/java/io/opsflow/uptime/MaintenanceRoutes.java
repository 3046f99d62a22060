package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.OrganizationScope;
import io.opsflow.access.Principal;
import io.opsflow.access.TokenRepository;
import io.opsflow.db.Audit;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import io.opsflow.sla.SlaJson;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Maintenance windows: created, listed and deleted by admins and SRE users of the organization.
 * Windows of {@code sla/maintenance.yaml} are listed too (source "file") but only change with the
 * file. Another organization's window answers 404, as if it did not exist. Creations and deletions
 * are on the audit trail ({@code maintenance.create}, {@code maintenance.delete}).
 */
public final class MaintenanceRoutes {
  static final Duration MAX_LENGTH = Duration.ofDays(31);

  private final Authenticator auth;
  private final MaintenanceStore store;
  private final Supplier<List<MaintenanceWindow>> fileWindows;
  private final Clock clock;
  private final Audit audit;

  public MaintenanceRoutes(
      Authenticator auth,
      MaintenanceStore store,
      Supplier<List<MaintenanceWindow>> fileWindows,
      Clock clock,
      Audit audit) {
    this.auth = auth;
    this.store = store;
    this.fileWindows = fileWindows;
    this.clock = clock;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/maintenance-windows", this::create);
    routes.get("/api/v1/maintenance-windows", this::list);
    routes.get("/api/v1/maintenance-windows/{id}", this::get);
    routes.delete("/api/v1/maintenance-windows/{id}", this::delete);
  }

  /** Admins, and SRE users of their own organization. */
  static Principal staff(Authenticator auth, Context ctx) {
    Principal p = auth.require(ctx);
    boolean sre = p.kind() == Principal.Kind.USER && !"customer".equalsIgnoreCase(p.role());
    if (!p.admin() && !sre) {
      throw ApiException.forbidden("maintenance windows are managed by admins and SRE users");
    }
    return p;
  }

  private void create(Context ctx) {
    Principal p = staff(auth, ctx);
    JsonNode body = Http.parse(Http.body(ctx));
    if (!body.isObject()) {
      throw ApiException.badRequest("body must be a JSON object");
    }
    String org = organization(p, text(body, "organization", 64));
    String service = text(body, "service", 200);
    String title = text(body, "title", 500);
    MaintenanceWindow w =
        new MaintenanceWindow(
            "mw_" + UUID.randomUUID(),
            org,
            service,
            title == null ? "maintenance" : title,
            schedule(body),
            "api",
            clock.instant());
    store.create(w, p.actor());
    audited(p, "maintenance.create", w);
    Http.json(ctx, 201, SlaJson.window(w, clock.instant()));
  }

  private void list(Context ctx) {
    Principal p = staff(auth, ctx);
    Http.noCursor(ctx);
    String service = ctx.queryParam("service");
    List<MaintenanceWindow> all = new ArrayList<>(fileWindows.get());
    all.addAll(store.list(p.scope()));
    Instant now = clock.instant();
    Http.json(
        ctx,
        200,
        SlaJson.items(
            all.stream()
                .filter(w -> p.scope() == null || w.organizationId().equals(p.scope()))
                .filter(
                    w -> service == null || service.equals(w.serviceId()) || w.serviceId() == null)
                .map(w -> SlaJson.window(w, now))
                .toList()));
  }

  private void get(Context ctx) {
    Principal p = staff(auth, ctx);
    Http.json(ctx, 200, SlaJson.window(find(p, ctx.pathParam("id")), clock.instant()));
  }

  private void delete(Context ctx) {
    Principal p = staff(auth, ctx);
    MaintenanceWindow w = find(p, ctx.pathParam("id"));
    if ("file".equals(w.source())) {
      throw new ApiException(
          409,
          "conflict",
          "window " + w.id() + " is defined in sla/maintenance.yaml: edit the file");
    }
    store.delete(w.id());
    audited(p, "maintenance.delete", w);
    ctx.status(204);
  }

  private void audited(Principal p, String action, MaintenanceWindow w) {
    String service = w.serviceId() == null ? "every service" : w.serviceId();
    audit.record(p.actor(), w.organizationId(), action, w.id(), service + ": " + w.title());
  }

  private MaintenanceWindow find(Principal p, String id) {
    return fileWindows.get().stream()
        .filter(w -> w.id().equals(id))
        .findFirst()
        .or(() -> store.find(id))
        .filter(w -> p.scope() == null || w.organizationId().equals(p.scope()))
        .orElseThrow(() -> ApiException.notFound("no maintenance window " + id));
  }

  /** The window's organization id: the caller's, or the one an admin names (by name or id). */
  private static String organization(Principal p, String asked) {
    String org = OrganizationScope.of(p, Fields.organization("organization", asked));
    if (org == null || org.isBlank()) {
      throw ApiException.badRequest("organization is required with an admin token");
    }
    return p.scope() != null ? org : TokenRepository.slug(org);
  }

  private static Recurrence schedule(JsonNode body) {
    boolean once = body.has("start") || body.has("end");
    boolean recurring = body.has("rrule");
    if (once == recurring) {
      throw ApiException.badRequest(
          "give either start and end (one-off) or rrule, dtstart, zone and duration (recurring)");
    }
    try {
      if (once) {
        Instant start = instant(body, "start");
        Instant end = instant(body, "end");
        if (!end.isAfter(start)) {
          throw ApiException.badRequest("end must be after start");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
          throw ApiException.badRequest("a window lasts at most 31 days");
        }
        return Recurrence.once(start, end);
      }
      String rrule = required(body, "rrule");
      LocalDateTime dtstart = LocalDateTime.parse(required(body, "dtstart"));
      Fields.year("dtstart", dtstart.getYear());
      ZoneId zone = ZoneId.of(required(body, "zone"));
      Duration duration = Duration.parse(required(body, "duration"));
      if (duration.compareTo(MAX_LENGTH) > 0) {
        throw ApiException.badRequest("a window lasts at most 31 days");
      }
      return Recurrence.recurring(rrule, dtstart, zone, duration);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "dtstart is a local time such as 2026-03-29T02:30, zone an IANA zone such as"
              + " Europe/Berlin, duration ISO-8601 such as PT2H: "
              + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static Instant instant(JsonNode body, String field) {
    try {
      OffsetDateTime at = OffsetDateTime.parse(required(body, field));
      Fields.year(field, at.getYear());
      return at.toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          field + " must be an ISO-8601 time such as 2026-06-01T22:00:00Z");
    }
  }

  private static String required(JsonNode body, String field) {
    String v = text(body, field, 500);
    if (v == null) {
      throw ApiException.badRequest(field + " is required");
    }
    return v;
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw ApiException.badRequest(field + " must be a non-empty string");
    }
    return Fields.atMost(field, v.asText(), max);
  }
}
