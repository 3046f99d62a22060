package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.incident.model.AlertSignal;
import io.opsflow.incident.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus Alertmanager's webhook payload, version 4. One notification is one alert group: its
 * {@code groupKey} is the alert identity, each alert's {@code fingerprint} identifies the alert
 * inside the incident. Unknown fields (newer Alertmanagers add some) are ignored.
 */
public final class AlertmanagerFormat {
  public static final String SOURCE = "alertmanager";
  private static final ObjectMapper JSON = new ObjectMapper();
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
      strings(body, field, field);
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
      strings(a, "labels", at + "labels");
      strings(a, "annotations", at + "annotations");
      AlertmanagerChecks.time(a, "startsAt", at + "startsAt");
      AlertmanagerChecks.time(a, "endsAt", at + "endsAt");
      AlertmanagerChecks.text(a.get("fingerprint"), at + "fingerprint", MAX_FINGERPRINT);
      AlertmanagerChecks.text(
          a.path("annotations").get("summary"), at + "annotations.summary", MAX_SUMMARY);
    }
    return groupKey;
  }

  /** An optional object whose values must all be strings, as Alertmanager's label sets are. */
  private static void strings(JsonNode parent, String field, String name) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isObject()) {
      throw new InvalidPayloadException(name + " must be an object of strings");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new InvalidPayloadException(name + "." + e.getKey() + " must be a string");
      }
    }
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
        fp = fingerprint(a.get("labels"));
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
        title(body),
        severity == null ? "warning" : severity,
        labels(body),
        receivedAt,
        items);
  }

  private static String title(JsonNode body) {
    String summary = body.path("commonAnnotations").path("summary").asText("");
    if (!summary.isBlank()) {
      return summary;
    }
    JsonNode group = body.path("groupLabels");
    StringBuilder t = new StringBuilder(group.path("alertname").asText(""));
    for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("alertname")) {
        t.append(t.length() == 0 ? "" : " ").append(e.getKey()).append('=');
        t.append(e.getValue().asText());
      }
    }
    if (t.length() == 0) {
      t.append(body.get("alerts").get(0).path("labels").path("alertname").asText("alert group"));
    }
    return t.toString();
  }

  private static String labels(JsonNode body) {
    ObjectNode out = JSON.createObjectNode();
    body.path("commonLabels").fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    if (body.hasNonNull("externalURL")) {
      out.put("externalURL", body.get("externalURL").asText());
    }
    if (body.hasNonNull("receiver")) {
      out.put("receiver", body.get("receiver").asText());
    }
    return out.toString();
  }

  /** Alertmanager's own fingerprint is a hash of the label set; ours stands in when it's absent. */
  static String fingerprint(JsonNode labels) {
    Map<String, String> sorted = new TreeMap<>();
    labels.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(sorted.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
