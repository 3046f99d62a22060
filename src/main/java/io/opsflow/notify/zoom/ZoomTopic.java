package io.opsflow.notify.zoom;

/**
 * The meeting topic carries {@code [opsflow <incidentId>]}, which is how a retry after a crash
 * recognises the meeting it created. Zoom allows 200 characters; the marker is never cut.
 */
final class ZoomTopic {
  static final int MAX_TOPIC = 200;
  static final int MAX_AGENDA = 2000;

  private ZoomTopic() {}

  static String marker(String incidentId) {
    return "[opsflow " + incidentId + "]";
  }

  /** The topic to send: the requested one with the marker appended if missing, within 200 chars. */
  static String of(String incidentId, String requested) {
    String marker = marker(incidentId);
    if (marker.length() > MAX_TOPIC) {
      throw new IllegalArgumentException("incident id too long for a Zoom topic: " + incidentId);
    }
    String topic = requested == null ? "" : requested.strip();
    if (topic.contains(marker) && topic.length() <= MAX_TOPIC) {
      return topic;
    }
    topic = topic.replace(marker, "").strip();
    int room = MAX_TOPIC - marker.length() - 1;
    if (topic.length() > room) {
      topic = topic.substring(0, Math.max(0, room - 1)).strip() + "…";
    }
    return topic.isEmpty() ? marker : topic + " " + marker;
  }

  static String agenda(String agenda) {
    if (agenda == null) {
      return "";
    }
    return agenda.length() <= MAX_AGENDA ? agenda : agenda.substring(0, MAX_AGENDA - 1) + "…";
  }
}
