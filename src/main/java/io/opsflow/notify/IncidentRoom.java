package io.opsflow.notify;

/** The war room of one incident: what the vendors gave back for it; fields are null until known. */
public record IncidentRoom(
    String incidentId,
    String channelName,
    String channelId,
    String summaryTs,
    String bridgeId,
    String bridgeUrl,
    String mailRoot) {}
