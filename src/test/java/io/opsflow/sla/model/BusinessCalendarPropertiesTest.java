package io.opsflow.sla.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws that hold for every calendar, checked over random zones (with 1-hour, 30-minute and
 * 45-minute-offset clock changes, and none), random frames, holidays, instants and durations.
 */
class BusinessCalendarPropertiesTest {
  private static final List<String> ZONES =
      List.of(
          "Europe/Berlin",
          "America/New_York",
          "Australia/Lord_Howe",
          "Asia/Kolkata",
          "Pacific/Chatham",
          "America/Sao_Paulo",
          "UTC");
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(4 * 365).toSeconds();

  @Property(tries = 300)
  void addingThenMeasuringGivesTheAmountBack(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant s,
      @ForAll("amounts") Duration d) {
    assertThat(cal.between(s, cal.add(s, d))).isEqualTo(d);
  }

  @Property(tries = 300)
  void addIsMonotonicInTheAmount(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant s,
      @ForAll("amounts") Duration a,
      @ForAll("amounts") Duration b) {
    Duration small = a.compareTo(b) <= 0 ? a : b;
    Duration large = a.compareTo(b) <= 0 ? b : a;
    assertThat(cal.add(s, small)).isBeforeOrEqualTo(cal.add(s, large));
  }

  @Property(tries = 300)
  void addingInTwoStepsIsAddingTheSum(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant s,
      @ForAll("amounts") Duration a,
      @ForAll("amounts") Duration b) {
    assertThat(cal.add(cal.add(s, a), b)).isEqualTo(cal.add(s, a.plus(b)));
  }

  /** For any order of a, b and c: backwards intervals count negative. */
  @Property(tries = 300)
  void betweenIsAdditive(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant a,
      @ForAll("instants") Instant b,
      @ForAll("instants") Instant c) {
    assertThat(cal.between(a, b).plus(cal.between(b, c))).isEqualTo(cal.between(a, c));
  }

  /** Skipping whole weeks gives what day-by-day counting gives. */
  @Property(tries = 100)
  void aLongIntervalHoldsTheSumOfItsDays(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant s,
      @ForAll("days") int days) {
    Duration sum = Duration.ZERO;
    for (int i = 0; i < days; i++) {
      sum = sum.plus(cal.between(s.plus(Duration.ofDays(i)), s.plus(Duration.ofDays(i + 1))));
    }
    assertThat(cal.between(s, s.plus(Duration.ofDays(days)))).isEqualTo(sum);
  }

  @Property(tries = 300)
  void theLastNanosecondAddedIsBusinessTime(
      @ForAll("calendars") BusinessCalendar cal,
      @ForAll("instants") Instant s,
      @ForAll("amounts") Duration d) {
    if (!d.isZero()) {
      assertThat(cal.isOpen(cal.add(s, d).minusNanos(1))).isTrue();
    }
  }

  /** isOpen agrees with reading the wall clock: its date is no holiday, its time is in a frame. */
  @Property(tries = 1000)
  void openMeansTheWallClockReadsAWorkingFrame(
      @ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, cal.zone());
    boolean inFrame =
        !cal.holidays().contains(local.toLocalDate())
            && cal.hours().frames(local.getDayOfWeek()).stream()
                .anyMatch(f -> inFrame(f, local.toLocalTime()));
    assertThat(cal.isOpen(t)).isEqualTo(inFrame);
  }

  @Property(tries = 300)
  void theNextBusinessInstantIsOpenWithNoBusinessTimeBeforeIt(
      @ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant t) {
    Instant next = cal.nextBusinessInstant(t);
    assertThat(next).isAfterOrEqualTo(t);
    assertThat(cal.isOpen(next)).isTrue();
    assertThat(cal.between(t, next)).isZero();
  }

  private static boolean inFrame(WorkingFrame f, LocalTime time) {
    return !time.isBefore(f.start())
        && (f.end().equals(LocalTime.MIDNIGHT) || time.isBefore(f.end()));
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
    Arbitrary<Holidays> holidays =
        Arbitraries.integers()
            .between(0, 4 * 365)
            .map(i -> LocalDate.of(2025, 1, 1).plusDays(i))
            .list()
            .ofMaxSize(30)
            .map(Holidays::of);
    Arbitrary<WeeklyHours> hours =
        dayFrames()
            .list()
            .ofSize(7)
            .filter(l -> l.stream().anyMatch(d -> !d.isEmpty()))
            .map(this::week);
    return Combinators.combine(zones, hours, holidays).as(BusinessCalendar::of);
  }

  private WeeklyHours week(List<List<WorkingFrame>> perDay) {
    Map<DayOfWeek, List<WorkingFrame>> byDay = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      byDay.put(d, perDay.get(d.ordinal()));
    }
    return WeeklyHours.of(byDay);
  }

  /** Zero to three frames of one day, at any minute (frames may touch, may reach 24:00). */
  private Arbitrary<List<WorkingFrame>> dayFrames() {
    return Arbitraries.integers()
        .between(0, 24 * 60)
        .set()
        .ofMaxSize(6)
        .map(
            cuts -> {
              List<Integer> sorted = new ArrayList<>(new TreeSet<>(cuts));
              List<WorkingFrame> frames = new ArrayList<>();
              for (int i = 0; i + 1 < sorted.size(); i += 2) {
                frames.add(new WorkingFrame(time(sorted.get(i)), time(sorted.get(i + 1))));
              }
              return frames;
            });
  }

  private static LocalTime time(int minute) {
    return minute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(minute * 60L);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(0, SPAN_SECONDS),
            Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 999_999_999L)))
        .as((s, n) -> FROM.plusSeconds(s).plusNanos(n));
  }

  @Provide
  Arbitrary<Duration> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.just(Duration.ZERO),
        Arbitraries.longs().between(1, 3 * 24 * 60).map(Duration::ofMinutes),
        Arbitraries.longs().between(1, Duration.ofDays(200).toSeconds()).map(Duration::ofSeconds),
        Arbitraries.longs().between(1, Duration.ofHours(2).toNanos()).map(Duration::ofNanos));
  }

  @Provide
  Arbitrary<Integer> days() {
    return Arbitraries.integers().between(1, 120);
  }
}
