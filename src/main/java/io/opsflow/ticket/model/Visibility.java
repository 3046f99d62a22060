package io.opsflow.ticket.model;

/** A public comment reaches the customer (page and mail); an internal note never does. */
public enum Visibility {
  PUBLIC,
  INTERNAL;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
