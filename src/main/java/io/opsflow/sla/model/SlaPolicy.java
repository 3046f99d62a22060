package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Response and resolution targets per priority ({@code "P-0"}, {@code "P-1"}, {@code "P-2"}).
 *
 * <p>opsflow's defaults ({@link #defaults()}): response targets are those of the managed-service
 * agreement in the contract, P-0 1 hour 24x7, P-1 1 business day, P-2 4 business days; resolution
 * targets are opsflow's own choice, P-0 4 hours 24x7, P-1 5 business days, P-2 10 business days.
 * Business days are counted on the organization's calendar, each as long as its longest weekday.
 */
public final class SlaPolicy {
  /** The two targets of one priority. */
  public record Targets(SlaTarget response, SlaTarget resolution) {
    public Targets {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(resolution, "resolution");
    }
  }

  private static final SlaPolicy DEFAULTS =
      new SlaPolicy(
          Map.of(
              "P-0",
              new Targets(
                  SlaTarget.roundTheClock(Duration.ofHours(1)),
                  SlaTarget.roundTheClock(Duration.ofHours(4))),
              "P-1",
              new Targets(SlaTarget.businessDays(1), SlaTarget.businessDays(5)),
              "P-2",
              new Targets(SlaTarget.businessDays(4), SlaTarget.businessDays(10))));

  private final Map<String, Targets> byPriority;

  private SlaPolicy(Map<String, Targets> byPriority) {
    this.byPriority = Map.copyOf(byPriority);
  }

  public static SlaPolicy defaults() {
    return DEFAULTS;
  }

  public Targets targets(String priority) {
    Targets targets = byPriority.get(priority);
    if (targets == null) {
      throw new IllegalArgumentException(
          "no SLA targets for priority '" + priority + "' (known: " + byPriority.keySet() + ")");
    }
    return targets;
  }

  /** The priorities with targets, in order (P-0 first). */
  public java.util.SortedSet<String> priorities() {
    return java.util.Collections.unmodifiableSortedSet(
        new java.util.TreeSet<>(byPriority.keySet()));
  }

  public SlaPolicy withResponse(String priority, SlaTarget response) {
    return with(priority, new Targets(response, targets(priority).resolution()));
  }

  public SlaPolicy withResolution(String priority, SlaTarget resolution) {
    return with(priority, new Targets(targets(priority).response(), resolution));
  }

  public SlaPolicy with(String priority, Targets targets) {
    Map<String, Targets> copy = new LinkedHashMap<>(byPriority);
    copy.put(Objects.requireNonNull(priority, "priority"), targets);
    return new SlaPolicy(copy);
  }

  /** The response clock of an issue of {@code priority} opened at {@code opened}. */
  public SlaClock responseClock(String priority, Instant opened, BusinessCalendar organization) {
    return targets(priority).response().start(opened, organization);
  }

  public SlaClock resolutionClock(String priority, Instant opened, BusinessCalendar organization) {
    return targets(priority).resolution().start(opened, organization);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlaPolicy other && byPriority.equals(other.byPriority);
  }

  @Override
  public int hashCode() {
    return byPriority.hashCode();
  }

  @Override
  public String toString() {
    return "SlaPolicy" + byPriority;
  }
}
