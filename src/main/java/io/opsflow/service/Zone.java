package io.opsflow.service;

import java.util.Locale;

/** Where a service runs: green is production (monitored, uptime SLA), red is non-production. */
public enum Zone {
  GREEN,
  RED;

  /** The name configuration files and the triage table use: {@code green}, {@code red}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
