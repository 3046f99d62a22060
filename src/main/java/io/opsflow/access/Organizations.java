package io.opsflow.access;

/** What the other features ask about organizations. */
public interface Organizations {
  /** Whether the organization with this id exists. */
  boolean exists(String id);
}
