package io.opsflow.access;

import java.time.Instant;

/** A stored API token: only the SHA-256 of the secret and a short hint are kept. */
public class TokenRow {
  private String id;
  private String kind;
  private String name;
  private String organizationId;
  private String role;
  private String tokenHash;
  private String hint;
  private Instant createdAt;
  private Instant revokedAt;

  protected TokenRow() {}

  TokenRow(
      String id,
      String kind,
      String name,
      String organizationId,
      String role,
      String tokenHash,
      String hint,
      Instant createdAt) {
    this.id = id;
    this.kind = kind;
    this.name = name;
    this.organizationId = organizationId;
    this.role = role;
    this.tokenHash = tokenHash;
    this.hint = hint;
    this.createdAt = createdAt;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String organizationId() {
    return organizationId;
  }

  public String role() {
    return role;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public String hint() {
    return hint;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
