package io.opsflow.uptime.model;

import java.time.Duration;

/**
 * How fast a service spends its error budget: the share of the measured time it was down, divided
 * by the share the SLO allows. 1 spends the budget exactly over the SLO period; above {@link
 * #FAST_BURN} (the usual page-now threshold for a 30-day 99.9% SLO, 2% of the budget in one hour)
 * over the last hour, opsflow opens an incident.
 */
public final class BurnRate {
  public static final double FAST_BURN = 14.4;
  public static final Duration WINDOW = Duration.ofHours(1);

  private BurnRate() {}

  public static double of(Availability.Measured m, double target) {
    long known = m.up().toMillis() + m.down().toMillis();
    if (known == 0) {
      return 0;
    }
    return ((double) m.down().toMillis() / known) / (1 - target);
  }

  public static boolean fast(double burnRate) {
    return burnRate > FAST_BURN;
  }
}
