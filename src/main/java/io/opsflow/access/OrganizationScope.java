package io.opsflow.access;

import io.opsflow.http.ApiException;

/**
 * The organization a write goes to. An admin names it; a user bound to an organization writes into
 * their own, and naming another one is refused (403), never silently re-homed.
 */
public final class OrganizationScope {
  private OrganizationScope() {}

  /**
   * @param named the organization the body names (id or name), or null
   * @return the caller's organization for a bound caller; {@code named} (maybe null) for an admin
   */
  public static String of(Principal p, String named) {
    if (p.scope() == null) {
      return named;
    }
    if (named != null && !TokenRepository.names(named, p.scope())) {
      throw ApiException.forbidden(
          "a user of organization " + p.scope() + " cannot write for another organization");
    }
    return p.scope();
  }
}
