package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.incident.model.AlertSignal;
import io.opsflow.incident.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus Alertmanager's webhook payload, version 4. One notification is one alert group: its
 * {@code groupKey} is the alert identity, each alert's {@code fingerprint} identifies the alert
 * inside the incident. Unknown fields (newer Alertmanagers add some) are ignored.
 */
public final class AlertmanagerFormat {
  public static final String SOURCE = "alertmanager";
  private static final int MAX_GROUP_KEY = 2000;
  private static final int MAX_FINGERPRINT = 512;
  private static final int MAX_SUMMARY = 2048;

  private AlertmanagerFormat() {}

  /** Checks the payload as the HTTP intake receives it; returns the group key. */
  public static String validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidPayloadException("body must be a JSON object");
    }
    JsonNode version = body.path("version");
    if (!version.isTextual() || !"4".equals(version.asText())) {
      throw new InvalidPayloadException(
          "unsupported webhook version "
              + (version.isMissingNode() ? "(none)" : version.toString())
              + ": expected the string \"4\"");
    }
    String status = body.path("status").asText();
    if (!status.equals("firing") && !status.equals("resolved")) {
      throw new InvalidPayloadException("status must be \"firing\" or \"resolved\"");
    }
    String groupKey = body.path("groupKey").asText();
    if (!body.path("groupKey").isTextual() || groupKey.isBlank()) {
      throw new InvalidPayloadException("groupKey must be a non-empty string");
    }
    if (groupKey.length() > MAX_GROUP_KEY) {
      throw new InvalidPayloadException(
          "groupKey must be at most " + MAX_GROUP_KEY + " characters");
    }
    for (String field : List.of("groupLabels", "commonLabels", "commonAnnotations")) {
      AlertmanagerChecks.strings(body, field, field);
    }
    JsonNode alerts = body.get("alerts");
    if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
      throw new InvalidPayloadException("alerts must be a non-empty array");
    }
    for (int i = 0; i < alerts.size(); i++) {
      JsonNode a = alerts.get(i);
      if (!a.isObject() || !a.path("labels").isObject()) {
        throw new InvalidPayloadException("alerts[" + i + "] must be an object with labels");
      }
      String s = a.path("status").asText();
      if (!s.equals("firing") && !s.equals("resolved")) {
        throw new InvalidPayloadException("alerts[" + i + "].status must be firing or resolved");
      }
      String at = "alerts[" + i + "].";
      AlertmanagerChecks.strings(a, "labels", at + "labels");
      AlertmanagerChecks.strings(a, "annotations", at + "annotations");
      AlertmanagerChecks.time(a, "startsAt", at + "startsAt");
      AlertmanagerChecks.time(a, "endsAt", at + "endsAt");
      AlertmanagerChecks.text(a.get("fingerprint"), at + "fingerprint", MAX_FINGERPRINT);
      AlertmanagerChecks.text(
          a.path("annotations").get("summary"), at + "annotations.summary", MAX_SUMMARY);
    }
    return groupKey;
  }

  /** Normalizes a validated payload into a signal. */
  public static AlertSignal toSignal(
      String envelopeId,
      String org,
      String integration,
      String actor,
      Instant receivedAt,
      JsonNode body) {
    String groupKey = validate(body);
    boolean firing = body.path("status").asText().equals("firing");
    List<AlertSignal.Item> items = new ArrayList<>();
    String severity = null;
    for (JsonNode a : body.get("alerts")) {
      boolean alertFiring = a.path("status").asText().equals("firing");
      String fp = a.path("fingerprint").asText();
      if (fp.isBlank()) {
        fp = AlertmanagerSignals.fingerprint(a.get("labels"));
      }
      String summary = a.path("annotations").path("summary").asText(null);
      if (summary == null) {
        summary = a.path("labels").path("alertname").asText(null);
      }
      items.add(new AlertSignal.Item(fp, alertFiring, summary, a.get("labels").toString()));
      if (alertFiring || !firing) {
        severity = Severity.moreUrgent(severity, a.path("labels").path("severity").asText(null));
      }
    }
    JsonNode common = body.path("commonLabels");
    if (common.hasNonNull("severity")) {
      severity = common.get("severity").asText();
    }
    return new AlertSignal(
        envelopeId,
        org,
        integration,
        actor,
        SOURCE,
        groupKey,
        firing ? AlertSignal.Action.TRIGGER : AlertSignal.Action.RESOLVE,
        AlertmanagerSignals.title(body),
        severity == null ? "warning" : severity,
        AlertmanagerSignals.labels(body),
        receivedAt,
        items);
  }
}
