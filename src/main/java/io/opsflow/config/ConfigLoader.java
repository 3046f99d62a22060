package io.opsflow.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
      values.putAll(ConfigValues.readYaml(file));
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
    int port = ConfigValues.parsePort(get("HTTP_PORT").orElse("8080"));
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
        get("INSTANCE_ID").orElseGet(ConfigValues::hostName),
        ConfigValues.parseCount("ALERT_CONSUMERS", get("ALERT_CONSUMERS").orElse("2")),
        Path.of(get("ONCALL_DIR").orElse("./oncall")),
        Path.of(get("SLA_DIR").orElse("./sla")),
        ConfigValues.parseDuration(
            "WEBHOOK_FIRST_RETRY", get("WEBHOOK_FIRST_RETRY").orElse("PT30S")),
        ConfigValues.parseDuration(
            "WEBHOOK_GIVE_UP_AFTER", get("WEBHOOK_GIVE_UP_AFTER").orElse("PT48H")),
        Boolean.parseBoolean(get("WEBHOOK_ALLOW_PRIVATE").orElse("false")),
        ConfigValues.parseDuration(
            "CHECK_RESULT_RETENTION", get("CHECK_RESULT_RETENTION").orElse("P400D")),
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
        ConfigValues.parseDuration(
            "TICKET_AUTO_CLOSE_AFTER",
            get("TICKET_AUTO_CLOSE_AFTER").orElse(d.autoCloseAfter().toString())),
        unknown,
        ConfigValues.parseDuration("IMAP_POLL", get("IMAP_POLL").orElse(d.imapPoll().toString())),
        ConfigValues.parseDuration(
            "SESSION_IDLE", get("SESSION_IDLE").orElse(d.sessionIdle().toString())),
        ConfigValues.parseDuration(
            "SESSION_MAX", get("SESSION_MAX").orElse(d.sessionMax().toString())),
        EffectsConfig.priorities(
            "INCIDENT_TICKET_PRIORITIES", get("INCIDENT_TICKET_PRIORITIES").orElse("P-0,P-1")),
        EffectsConfig.priorities(
            "TICKET_PAGE_PRIORITIES", get("TICKET_PAGE_PRIORITIES").orElse("P-0")));
  }

  private EffectsConfig effects() {
    return new EffectsConfig(
        get("ZOOM_CLIENT_ID"),
        get("ZOOM_CLIENT_SECRET"),
        ConfigValues.parsePort(get("SMTP_PORT").orElse("25")),
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
}
