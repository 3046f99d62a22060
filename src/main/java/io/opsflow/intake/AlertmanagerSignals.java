package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** What {@link AlertmanagerFormat} derives from a payload: title, labels, stand-in fingerprints. */
final class AlertmanagerSignals {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertmanagerSignals() {}

  static String title(JsonNode body) {
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

  static String labels(JsonNode body) {
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
