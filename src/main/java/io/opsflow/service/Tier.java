package io.opsflow.service;

import java.util.Locale;

/** The support tier of a service (its customer organization's contract). */
public enum Tier {
  GOLD,
  SILVER,
  BRONZE;

  /** The name configuration files and the triage table use: {@code gold}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
