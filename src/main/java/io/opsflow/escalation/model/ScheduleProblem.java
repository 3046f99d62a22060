package io.opsflow.escalation.model;

/**
 * Something wrong with a schedule's configuration.
 *
 * @param field where, as a path into the schedule ({@code timeZone}, {@code
 *     layers[1].participants}, {@code layers}), so that a loader can point at the line it came from
 * @param reason what is wrong, for a human
 */
public record ScheduleProblem(String field, String reason) {}
