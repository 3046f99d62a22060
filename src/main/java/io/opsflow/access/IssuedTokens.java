package io.opsflow.access;

import java.util.Optional;

/** How the other features look up the tokens issued to an organization. */
public interface IssuedTokens {
  /**
   * The id of the oldest token of {@code kind} named {@code name} listed for the organization (for
   * any organization when {@code organizationId} is null), revoked or not.
   */
  Optional<String> idOf(String organizationId, String kind, String name);
}
