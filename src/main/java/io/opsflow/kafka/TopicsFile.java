package io.opsflow.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads topics.properties: lines {@code <topic>.partitions=<n>} and {@code
 * <topic>.config.<name>=<value>}.
 */
final class TopicsFile {
  private TopicsFile() {}

  static Map<String, Topics.Definition> parse(InputStream in, String source, List<String> required)
      throws IOException {
    Properties props = new Properties();
    props.load(in);
    Map<String, Integer> partitions = new TreeMap<>();
    Map<String, Map<String, String>> configs = new HashMap<>();
    for (String key : props.stringPropertyNames()) {
      String value = props.getProperty(key).trim();
      int config = key.indexOf(".config.");
      if (key.endsWith(".partitions") && config < 0) {
        String topic = key.substring(0, key.length() - ".partitions".length());
        partitions.put(topic, parsePartitions(value, key, source));
      } else if (config > 0) {
        String topic = key.substring(0, config);
        configs.computeIfAbsent(topic, t -> new TreeMap<>()).put(key.substring(config + 8), value);
      } else {
        throw new IllegalArgumentException(source + ": unknown key " + key);
      }
    }
    for (String topic : configs.keySet()) {
      if (!partitions.containsKey(topic)) {
        throw new IllegalArgumentException(source + ": " + topic + " has no partitions");
      }
    }
    for (String topic : required) {
      if (!partitions.containsKey(topic)) {
        throw new IllegalArgumentException(source + ": topic " + topic + " is not defined");
      }
    }
    Map<String, Topics.Definition> definitions = new TreeMap<>();
    partitions.forEach(
        (topic, count) ->
            definitions.put(
                topic, new Topics.Definition(topic, count, configs.getOrDefault(topic, Map.of()))));
    return definitions;
  }

  private static int parsePartitions(String value, String key, String source) {
    try {
      int count = Integer.parseInt(value);
      if (count > 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + ": " + key + " must be a positive number");
  }
}
