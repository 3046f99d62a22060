package io.opsflow.sla.model;

import java.time.Instant;
import java.util.Objects;

/** A stretch during which an SLA clock did not run; {@code resumed} is null while it lasts. */
public record Pause(Instant paused, Instant resumed, String reason) {
  public Pause {
    Objects.requireNonNull(paused, "paused");
    Objects.requireNonNull(reason, "reason");
    if (resumed != null && resumed.isBefore(paused)) {
      throw new IllegalArgumentException("resumed " + resumed + " before paused " + paused);
    }
  }

  boolean open() {
    return resumed == null;
  }

  Pause resumedAt(Instant at) {
    return new Pause(paused, at, reason);
  }
}
