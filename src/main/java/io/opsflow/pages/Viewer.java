package io.opsflow.pages;

import io.opsflow.access.Principal;

/**
 * The signed-in person looking at a page: who they are for the ticket rules, their session's CSRF
 * token (every form carries it) and the hash naming their session.
 */
record Viewer(String sessionHash, Principal principal, String csrf, String displayName) {
  boolean staff() {
    return !principal.customer();
  }

  /** Where this person works: customers in the portal, SREs and admins in the console. */
  String home() {
    return staff() ? "/console" : "/portal";
  }
}
