package io.opsflow.uptime.model;

import java.net.URI;
import java.time.Duration;

/** An HTTP check opsflow runs itself (from {@code sla/checks.yaml}). */
public record CheckDefinition(
    String id,
    String organizationId,
    String serviceId,
    URI url,
    int expectedStatus,
    String bodyContains,
    Duration interval,
    Duration timeout) {}
