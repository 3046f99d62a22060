package io.opsflow.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one run, printed as one JSON object so that scripts can compare runs. */
public record BenchResult(
    String scenario,
    long alerts,
    int groups,
    double seconds,
    double alertsPerSecond,
    int incidents,
    Double p50Ms,
    Double p99Ms,
    Map<String, Object> extra) {

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario);
    m.put("alerts", alerts);
    m.put("groups", groups);
    m.put("seconds", round(seconds));
    m.put("alertsPerSecond", round(alertsPerSecond));
    m.put("incidents", incidents);
    m.put("p50Ms", p50Ms == null ? null : round(p50Ms));
    m.put("p99Ms", p99Ms == null ? null : round(p99Ms));
    m.putAll(extra);
    try {
      return BenchApi.JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String describe() {
    return String.format(
        "%s: %d alerts over %d groups in %.2f s = %.0f alerts/s; %d incidents; p50 %s ms, p99 %s"
            + " ms; %s",
        scenario, alerts, groups, seconds, alertsPerSecond, incidents, p50Ms, p99Ms, extra);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Percentiles in milliseconds of durations in nanoseconds (sorts the array in place). */
  static Map<String, Double> percentiles(long[] nanos, int count) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (count == 0) {
      return m;
    }
    Arrays.sort(nanos, 0, count);
    m.put("p50", at(nanos, count, 0.50));
    m.put("p90", at(nanos, count, 0.90));
    m.put("p99", at(nanos, count, 0.99));
    m.put("max", round(nanos[count - 1] / 1e6));
    return m;
  }

  private static double at(long[] sorted, int count, double q) {
    int i = (int) Math.ceil(q * count) - 1;
    return round(sorted[Math.max(0, Math.min(count - 1, i))] / 1e6);
  }
}
