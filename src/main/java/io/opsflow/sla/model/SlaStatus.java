package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an SLA clock stands at one instant.
 *
 * @param due the deadline; while paused, the deadline if the clock resumed at that instant
 * @param remainingBusinessTime target minus the business time counted so far (up to the stop, if
 *     stopped); negative once more than the target has been spent
 * @param breached the deadline passed before the clock stopped (or before now, if running)
 * @param met the clock stopped on or before its deadline
 */
public record SlaStatus(
    Duration target,
    Instant due,
    Duration remainingBusinessTime,
    boolean paused,
    boolean breached,
    Optional<Instant> stoppedAt,
    boolean met) {}
