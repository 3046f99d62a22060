package io.opsflow.slack;

import io.opsflow.access.Principal;

/**
 * The opsflow person behind a Slack user: the principal tickets and scopes are checked with (its
 * organization, or every organization for the operator's SREs) and the name incident actions are
 * recorded under ({@code slack:<name>}).
 */
record SlackUser(Principal principal, String actor) {

  boolean customer() {
    return principal.customer();
  }

  /** The organization the user sees; null for every organization. */
  String scope() {
    return principal.scope();
  }
}
