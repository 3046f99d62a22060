package io.opsflow.service;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an incident finds its service. {@code labels}: every label must have exactly this value
 * (Alertmanager common labels, PagerDuty {@code custom_details.<key>}); {@code fields}: every field
 * ({@code source}, {@code component}, {@code group}, ...) must match the whole regular expression.
 * A match with neither matches nothing.
 */
public record ServiceMatch(Map<String, String> labels, Map<String, Pattern> fields) {
  public ServiceMatch {
    labels = Map.copyOf(labels);
    fields = Map.copyOf(fields);
  }

  /**
   * @param attributes the incident's labels and fields, flattened: {@code service}, {@code source},
   *     {@code custom_details.team}
   */
  public boolean matches(Map<String, String> attributes) {
    if (labels.isEmpty() && fields.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!Objects.equals(attributes.get(label.getKey()), label.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, Pattern> field : fields.entrySet()) {
      String value = attributes.get(field.getKey());
      if (value == null || !field.getValue().matcher(value).matches()) {
        return false;
      }
    }
    return true;
  }
}
