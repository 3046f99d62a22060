package io.opsflow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An incident's {@code labels} column (Alertmanager common labels, or PagerDuty's {@code source},
 * {@code component}, {@code group}, {@code class} and {@code custom_details}) flattened for service
 * matching: top-level values by name, {@code custom_details} values as {@code
 * custom_details.<key>}.
 */
public final class IncidentAttributes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentAttributes() {}

  public static Map<String, String> of(String labelsJson) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (labelsJson == null || labelsJson.isBlank()) {
      return attributes;
    }
    JsonNode root;
    try {
      root = JSON.readTree(labelsJson);
    } catch (java.io.IOException e) {
      return attributes;
    }
    if (root == null || !root.isObject()) {
      return attributes;
    }
    root.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode()) {
                attributes.put(e.getKey(), e.getValue().asText());
              } else if (e.getKey().equals("custom_details") && e.getValue().isObject()) {
                e.getValue()
                    .fields()
                    .forEachRemaining(
                        d -> {
                          if (d.getValue().isValueNode()) {
                            attributes.put("custom_details." + d.getKey(), d.getValue().asText());
                          }
                        });
              }
            });
    return attributes;
  }
}
