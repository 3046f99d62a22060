package io.opsflow.incident;

/** What the vendors gave back for one incident; fields are null until known. */
public record IncidentRoom(
    String incidentId,
    String channelName,
    String channelId,
    String summaryTs,
    String bridgeId,
    String bridgeUrl,
    String mailRoot) {}
