package io.opsflow.uptime.model;

import java.time.Instant;

/** One synthetic check result: did {@code check} find {@code service} up at {@code at}. */
public record CheckResult(
    String check, String service, boolean ok, Instant at, Long latencyMs, String detail) {}
