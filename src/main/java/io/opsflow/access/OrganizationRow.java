package io.opsflow.access;

import java.time.Instant;

/** A customer organization: every incident, ticket and user token belongs to one. */
public class OrganizationRow {
  private String id;
  private String name;
  private Instant createdAt;

  protected OrganizationRow() {}

  OrganizationRow(String id, String name, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }
}
