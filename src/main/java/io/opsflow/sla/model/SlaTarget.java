package io.opsflow.sla.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One SLA target: an amount of time counted either on the organization's business calendar or round
 * the clock. The amount is business days (each the calendar's {@link BusinessCalendar#businessDay()
 * business-day length}) plus a plain duration of business time.
 */
public record SlaTarget(long businessDays, Duration time, boolean roundTheClock) {
  public SlaTarget {
    Objects.requireNonNull(time, "time");
    if (businessDays < 0 || time.isNegative() || (businessDays == 0 && time.isZero())) {
      throw new IllegalArgumentException("an SLA target must be positive");
    }
  }

  /** {@code n} business days on the organization's calendar. */
  public static SlaTarget businessDays(long n) {
    return new SlaTarget(n, Duration.ZERO, false);
  }

  /** Business time on the organization's calendar, e.g. 4 business hours. */
  public static SlaTarget businessTime(Duration time) {
    return new SlaTarget(0, time, false);
  }

  /** Real time, every hour of every day, e.g. P-0's "1 hour, 24x7". */
  public static SlaTarget roundTheClock(Duration time) {
    return new SlaTarget(0, time, true);
  }

  /** The calendar this target is counted on, given the organization's. */
  public BusinessCalendar calendar(BusinessCalendar organization) {
    return roundTheClock ? BusinessCalendar.alwaysOpen(organization.zone()) : organization;
  }

  /** The business time this target amounts to on {@code calendar}. */
  public Duration on(BusinessCalendar calendar) {
    return calendar.businessDay().multipliedBy(businessDays).plus(time);
  }

  /** A clock for this target, started at {@code start}. */
  public SlaClock start(java.time.Instant start, BusinessCalendar organization) {
    BusinessCalendar counted = calendar(organization);
    return SlaClock.start(start, on(counted), counted);
  }

  @Override
  public String toString() {
    String amount =
        businessDays == 0
            ? time.toString()
            : businessDays + " business day(s)" + (time.isZero() ? "" : " + " + time);
    return amount + (roundTheClock ? ", 24x7" : ", business hours");
  }
}
