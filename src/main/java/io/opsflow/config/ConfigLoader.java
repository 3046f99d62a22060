package io.opsflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link OpsflowConfig} from environment variables. An optional {@code opsflow.yaml} in the
 * working directory (or the file named by {@code OPSFLOW_CONFIG}) may hold the same keys, either as
 * the variable names or in lower case without the prefix ({@code http_port: 8080}); the environment
 * wins over the file.
 */
public final class ConfigLoader {
  /** Lists where an empty value is meant: nothing, rather than the default. */
  private static final java.util.Set<String> EMPTY_MEANS_NONE =
      java.util.Set.of("OPSFLOW_TICKET_PAGE_PRIORITIES");

  private final Map<String, String> values;
  private final java.util.Set<String> asked = new java.util.TreeSet<>();

  public ConfigLoader(Map<String, String> env) {
    this.values = new HashMap<>();
    Path file = Path.of(env.getOrDefault("OPSFLOW_CONFIG", "opsflow.yaml"));
    if (Files.isRegularFile(file)) {
      values.putAll(readYaml(file));
    }
    env.forEach(
        (k, v) -> {
          if (k.startsWith("OPSFLOW_")
              && v != null
              && (!v.isBlank() || EMPTY_MEANS_NONE.contains(k))) {
            values.put(k, v);
          }
        });
  }

  public static OpsflowConfig fromEnvironment() {
    return new ConfigLoader(System.getenv()).load();
  }

  public OpsflowConfig load() {
    int port = parsePort(get("HTTP_PORT").orElse("8080"));
    Path dataDir = Path.of(get("DATA_DIR").orElse("./data"));
    String history = get("HISTORY_LEVEL").orElse("full");
    return new OpsflowConfig(
        port,
        dataDir,
        get("KAFKA_BOOTSTRAP"),
        get("DB_URL"),
        get("DB_USER"),
        get("DB_PASSWORD"),
        get("ADMIN_TOKEN"),
        get("WORKFLOWS_DIR").map(Path::of),
        get("SLACK_BOT_TOKEN"),
        get("SLACK_SIGNING_SECRET"),
        get("SLACK_API_URL"),
        get("ZOOM_ACCOUNT_ID"),
        get("ZOOM_API_URL"),
        get("SMTP_HOST"),
        get("IMAP_URL"),
        history,
        get("INSTANCE_ID").orElseGet(ConfigLoader::hostName),
        parseCount("ALERT_CONSUMERS", get("ALERT_CONSUMERS").orElse("2")),
        Path.of(get("ONCALL_DIR").orElse("./oncall")),
        Path.of(get("SLA_DIR").orElse("./sla")),
        parseDuration("WEBHOOK_FIRST_RETRY", get("WEBHOOK_FIRST_RETRY").orElse("PT30S")),
        parseDuration("WEBHOOK_GIVE_UP_AFTER", get("WEBHOOK_GIVE_UP_AFTER").orElse("PT48H")),
        Boolean.parseBoolean(get("WEBHOOK_ALLOW_PRIVATE").orElse("false")),
        parseDuration("CHECK_RESULT_RETENTION", get("CHECK_RESULT_RETENTION").orElse("P400D")),
        effects(),
        tickets());
  }

  private TicketsConfig tickets() {
    TicketsConfig d = TicketsConfig.defaults();
    String unknown = get("MAIL_UNKNOWN_SENDERS").orElse(d.unknownSenders()).trim();
    if (!unknown.equals("refuse") && !(unknown.startsWith("open:") && unknown.length() > 5)) {
      throw new IllegalArgumentException(
          "OPSFLOW_MAIL_UNKNOWN_SENDERS must be refuse or open:<organization>: " + unknown);
    }
    return new TicketsConfig(
        get("PUBLIC_URL"),
        parseDuration(
            "TICKET_AUTO_CLOSE_AFTER",
            get("TICKET_AUTO_CLOSE_AFTER").orElse(d.autoCloseAfter().toString())),
        unknown,
        parseDuration("IMAP_POLL", get("IMAP_POLL").orElse(d.imapPoll().toString())),
        parseDuration("SESSION_IDLE", get("SESSION_IDLE").orElse(d.sessionIdle().toString())),
        parseDuration("SESSION_MAX", get("SESSION_MAX").orElse(d.sessionMax().toString())),
        EffectsConfig.priorities(
            "INCIDENT_TICKET_PRIORITIES", get("INCIDENT_TICKET_PRIORITIES").orElse("P-0,P-1")),
        EffectsConfig.priorities(
            "TICKET_PAGE_PRIORITIES", get("TICKET_PAGE_PRIORITIES").orElse("P-0")));
  }

  private EffectsConfig effects() {
    return new EffectsConfig(
        get("ZOOM_CLIENT_ID"),
        get("ZOOM_CLIENT_SECRET"),
        parsePort(get("SMTP_PORT").orElse("25")),
        get("SMTP_USER"),
        get("SMTP_PASSWORD"),
        get("MAIL_FROM").orElse("opsflow@localhost"),
        Boolean.parseBoolean(get("SMTP_STARTTLS").orElse("false")),
        EffectsConfig.priorities(
            "WAR_ROOM_PRIORITIES", get("WAR_ROOM_PRIORITIES").orElse("P-0,P-1")),
        EffectsConfig.priorities("BRIDGE_PRIORITIES", get("BRIDGE_PRIORITIES").orElse("P-0")),
        EffectsConfig.reminders(
            "STATUS_REMINDERS", get("STATUS_REMINDERS").orElse("P-0=PT30M,P-1=PT2H,P-2=PT8H")));
  }

  /** The names {@link #load()} read (each one must be listed in {@link Settings}). */
  public java.util.Set<String> asked() {
    return java.util.Collections.unmodifiableSet(asked);
  }

  private Optional<String> get(String suffix) {
    asked.add("OPSFLOW_" + suffix);
    return Optional.ofNullable(values.get("OPSFLOW_" + suffix));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "opsflow";
    }
  }

  private static int parseCount(String name, String raw) {
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

  private static java.time.Duration parseDuration(String name, String raw) {
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

  private static int parsePort(String raw) {
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

  private static Map<String, String> readYaml(Path file) {
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
