package io.opsflow.ticket.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The mail quarantine for SREs and admins: inbound mail that could not become a ticket command,
 * listed without its source, shown with it, and released (processed again, leniently). An SRE of
 * one organization sees the mail of senders of that organization only; another's is 404.
 */
public final class MailRoutes {
  private final Authenticator auth;
  private final MailQuarantine quarantine;
  private final Optional<MailProcessor> processor;
  private final Audit audit;

  /** {@code processor} is empty when inbound mail is not configured: release answers 503. */
  public MailRoutes(
      Authenticator auth,
      MailQuarantine quarantine,
      Optional<MailProcessor> processor,
      Audit audit) {
    this.auth = auth;
    this.quarantine = quarantine;
    this.processor = processor;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/mail/quarantine", this::list);
    routes.get("/api/v1/mail/quarantine/{id}", this::get);
    routes.post("/api/v1/mail/quarantine/{id}/release", this::release);
  }

  private Principal staff(Context ctx) {
    Principal p = auth.require(ctx);
    if (!p.admin() && !(p.kind() == Principal.Kind.USER && !p.customer())) {
      throw ApiException.forbidden("the mail quarantine is for SREs and admins");
    }
    return p;
  }

  private void list(Context ctx) {
    Principal p = staff(ctx);
    Page<MailQuarantine.Item> page;
    try {
      page = quarantine.list(p.scope(), Http.limit(ctx), ctx.queryParam("cursor"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", page.items().stream().map(MailRoutes::json).toList());
    m.put("next", page.next());
    Http.json(ctx, 200, m);
  }

  private void get(Context ctx) {
    Principal p = staff(ctx);
    MailQuarantine.Item item = find(ctx, p);
    Map<String, Object> m = json(item);
    byte[] raw = quarantine.raw(item.id()).orElse(new byte[0]);
    m.put("raw", new String(raw, StandardCharsets.UTF_8));
    Http.json(ctx, 200, m);
  }

  private void release(Context ctx) {
    Principal p = staff(ctx);
    MailQuarantine.Item item = find(ctx, p);
    if (item.releasedAt() != null) {
      throw new ApiException(
          409, "conflict", "released already at " + item.releasedAt() + ": " + item.outcome());
    }
    MailProcessor mail =
        processor.orElseThrow(
            () -> new ApiException(503, "unavailable", "inbound mail is not configured"));
    MailOutcome o =
        mail.release(item.id(), p.scope(), p.actor())
            .orElseThrow(() -> ApiException.notFound("quarantined mail not found"));
    if (o.kind() == MailOutcome.Kind.RETRY) {
      throw new ApiException(503, "unavailable", o.detail());
    }
    if (o.kind() == MailOutcome.Kind.QUARANTINED) {
      throw new ApiException(422, "unprocessable", o.detail());
    }
    audit.record(p.actor(), item.organizationId(), "mail.release", item.id(), o.detail());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", item.id());
    m.put("outcome", o.kind().wire());
    m.put("ticketId", o.ticketId());
    m.put("detail", o.detail());
    Http.json(ctx, 200, m);
  }

  private MailQuarantine.Item find(Context ctx, Principal p) {
    return quarantine
        .find(ctx.pathParam("id"), p.scope())
        .orElseThrow(() -> ApiException.notFound("quarantined mail not found"));
  }

  private static Map<String, Object> json(MailQuarantine.Item i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("receivedAt", i.receivedAt().toString());
    m.put("sender", i.sender());
    m.put("subject", i.subject());
    m.put("reason", i.reason());
    m.put("organization", i.organizationId());
    m.put("releasedAt", i.releasedAt() == null ? null : i.releasedAt().toString());
    m.put("releasedBy", i.releasedBy());
    m.put("outcome", i.outcome());
    return m;
  }
}
