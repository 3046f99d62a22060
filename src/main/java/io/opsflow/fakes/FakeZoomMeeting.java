package io.opsflow.fakes;

/** A meeting as the fake Zoom server stored it, with the fields opsflow sends. */
public record FakeZoomMeeting(
    long id,
    String topic,
    String agenda,
    int type,
    String startTime,
    int duration,
    boolean joinBeforeHost,
    boolean waitingRoom,
    String joinUrl,
    String password) {}
