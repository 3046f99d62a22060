package io.opsflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** How {@link ConfigLoader} reads single values (counts, durations, ports) and the YAML file. */
final class ConfigValues {
  private ConfigValues() {}

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "opsflow";
    }
  }

  static int parseCount(String name, String raw) {
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("OPSFLOW_" + name + " must be 1 to 64: " + raw);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OPSFLOW_" + name + " is not a number: " + raw, e);
    }
  }

  static java.time.Duration parseDuration(String name, String raw) {
    try {
      java.time.Duration d = java.time.Duration.parse(raw.trim());
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("OPSFLOW_" + name + " must be positive: " + raw);
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "OPSFLOW_" + name + " is not an ISO-8601 duration (PT30S): " + raw, e);
    }
  }

  static int parsePort(String raw) {
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("OPSFLOW_HTTP_PORT out of range: " + raw);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OPSFLOW_HTTP_PORT is not a number: " + raw, e);
    }
  }

  static Map<String, String> readYaml(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      Map<String, String> out = new HashMap<>();
      if (root != null && root.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String key = e.getKey().toUpperCase().replace('-', '_').replace('.', '_');
          if (!key.startsWith("OPSFLOW_")) {
            key = "OPSFLOW_" + key;
          }
          out.put(key, e.getValue().asText());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
