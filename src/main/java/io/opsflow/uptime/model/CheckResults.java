package io.opsflow.uptime.model;

import java.time.Instant;
import java.util.List;

/** Where check results are kept. */
public interface CheckResults {
  /** The service's results in {@code [from, to)}, oldest first. */
  List<CheckResult> results(String organizationId, String serviceId, Instant from, Instant to);
}
