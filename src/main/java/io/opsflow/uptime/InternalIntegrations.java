package io.opsflow.uptime;

import io.opsflow.access.IssuedTokens;
import io.opsflow.access.Principal;
import io.opsflow.access.Tokens;
import io.opsflow.intake.Envelopes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The integration opsflow itself sends as, one per organization: an integration token named {@value
 * #NAME}, created on first use. Its secret is thrown away at once (nobody sends with it); only its
 * id matters, as the integration of the alerts and check results opsflow raises. It is listed with
 * the organization's tokens; revoking it changes nothing (a new one is not created while it
 * exists).
 */
public final class InternalIntegrations {
  public static final String NAME = "opsflow";

  private final Tokens tokens;
  private final IssuedTokens issued;
  private final String name;
  private final Map<String, Envelopes.Sender> cache = new ConcurrentHashMap<>();

  public InternalIntegrations(Tokens tokens, IssuedTokens issued) {
    this(tokens, issued, NAME);
  }

  /** Internal integrations named {@code name} (such as {@code slack}) instead of {@value #NAME}. */
  public InternalIntegrations(Tokens tokens, IssuedTokens issued, String name) {
    this.tokens = tokens;
    this.issued = issued;
    this.name = name;
  }

  public Envelopes.Sender of(String organizationId) {
    return cache.computeIfAbsent(organizationId, this::findOrCreate);
  }

  private synchronized Envelopes.Sender findOrCreate(String org) {
    String id =
        issued
            .idOf(org, "integration", name)
            .orElseGet(() -> tokens.issue(Principal.Kind.INTEGRATION, name, org, null).id());
    return new Envelopes.Sender(id, name, org);
  }
}
