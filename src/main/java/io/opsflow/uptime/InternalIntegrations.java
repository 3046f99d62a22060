package io.opsflow.uptime;

import io.opsflow.access.Principal;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.TokenRow;
import io.opsflow.access.Tokens;
import io.opsflow.db.Page;
import io.opsflow.intake.Envelopes;
import java.util.Map;
import java.util.Optional;
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
  private final TokenRepository repository;
  private final String name;
  private final Map<String, Envelopes.Sender> cache = new ConcurrentHashMap<>();

  public InternalIntegrations(Tokens tokens, TokenRepository repository) {
    this(tokens, repository, NAME);
  }

  /** Internal integrations named {@code name} (such as {@code slack}) instead of {@value #NAME}. */
  public InternalIntegrations(Tokens tokens, TokenRepository repository, String name) {
    this.tokens = tokens;
    this.repository = repository;
    this.name = name;
  }

  public Envelopes.Sender of(String organizationId) {
    return cache.computeIfAbsent(organizationId, this::findOrCreate);
  }

  private synchronized Envelopes.Sender findOrCreate(String org) {
    String id =
        existing(org)
            .orElseGet(() -> tokens.issue(Principal.Kind.INTEGRATION, name, org, null).row().id());
    return new Envelopes.Sender(id, name, org);
  }

  private Optional<String> existing(String org) {
    String cursor = null;
    do {
      Page<TokenRow> page = repository.list(org, 1000, cursor);
      for (TokenRow row : page.items()) {
        if ("integration".equals(row.kind()) && name.equals(row.name())) {
          return Optional.of(row.id());
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return Optional.empty();
  }
}
