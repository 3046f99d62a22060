package io.opsflow.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code OPSFLOW_*} setting with its default and meaning: what {@code opsflow start --help}
 * lists, and what start-up checks the environment against (an unknown name is most likely a typo).
 */
public final class Settings {
  /** One setting. */
  public record Setting(String name, String byDefault, String meaning) {}

  private static final List<Setting> ALL =
      List.of(
          s("HTTP_PORT", "8080", "HTTP port on all interfaces; 0 = a free one, printed"),
          s("DATA_DIR", "./data", "embedded Kafka log, H2 files, the admin token; one instance"),
          s("KAFKA_BOOTSTRAP", "embedded broker", "external Kafka bootstrap servers"),
          s("DB_URL", "H2 file in the data dir", "JDBC URL; PostgreSQL in production"),
          s("DB_USER", "none", "database user"),
          s("DB_PASSWORD", "none", "database password"),
          s("ADMIN_TOKEN", "generated into <data dir>/admin-token", "the first admin's token"),
          s("WORKFLOWS_DIR", "./workflows, else the jar's", "BPMN/DMN models deployed at start"),
          s("HISTORY_LEVEL", "full", "Camunda history: none, activity, audit or full"),
          s("CONFIG", "opsflow.yaml", "optional file with these settings"),
          s("SLA_DIR", "./sla", "calendars, SLA policies, maintenance windows, checks"),
          s("CHECK_RESULT_RETENTION", "P400D", "check results older than this are deleted"),
          s("ONCALL_DIR", "./oncall", "users, schedules, escalation policies, services"),
          s("ALERT_CONSUMERS", "2", "alert consumer threads (1 to 64)"),
          s("WEBHOOK_FIRST_RETRY", "PT30S", "first webhook retry delay (doubling, 1 h cap)"),
          s("WEBHOOK_GIVE_UP_AFTER", "PT48H", "how long a webhook delivery is retried"),
          s("WEBHOOK_ALLOW_PRIVATE", "false", "allow webhook targets on internal addresses"),
          s("INSTANCE_ID", "host name", "static consumer-group identity of this instance"),
          s("SLACK_SIGNING_SECRET", "unset = /slack/* 503", "verifies Slack's requests"),
          s("SLACK_BOT_TOKEN", "unset = Slack off", "Slack Web API bot token"),
          s("SLACK_API_URL", "Slack's", "another Slack Web API, such as opsflow fake slack"),
          s("ZOOM_ACCOUNT_ID", "unset = Zoom off", "Zoom Server-to-Server OAuth account"),
          s("ZOOM_CLIENT_ID", "none", "Zoom OAuth client id"),
          s("ZOOM_CLIENT_SECRET", "none", "Zoom OAuth client secret"),
          s("ZOOM_API_URL", "https://api.zoom.us/v2", "another Zoom API"),
          s("SMTP_HOST", "unset = mail held", "outbound mail server"),
          s("SMTP_PORT", "25", "outbound mail port"),
          s("SMTP_USER", "none", "outbound mail user"),
          s("SMTP_PASSWORD", "none", "outbound mail password"),
          s("SMTP_STARTTLS", "false", "STARTTLS to the mail server"),
          s("MAIL_FROM", "opsflow@localhost", "sender address; its domain ends Message-IDs"),
          s("WAR_ROOM_PRIORITIES", "P-0,P-1", "priorities that get a Slack war room"),
          s("BRIDGE_PRIORITIES", "P-0", "priorities that get a Zoom bridge"),
          s("STATUS_REMINDERS", "P-0=PT30M,P-1=PT2H,P-2=PT8H", "status update reminders"),
          s("IMAP_URL", "unset = off", "mailbox read into tickets (imap:// or imaps://)"),
          s("IMAP_POLL", "PT30S", "how often the mailbox is read besides IDLE"),
          s("MAIL_UNKNOWN_SENDERS", "refuse", "refuse, or open:<organization>"),
          s("PUBLIC_URL", "http://localhost:<port>", "address people reach opsflow at"),
          s("TICKET_AUTO_CLOSE_AFTER", "P7D", "a resolved ticket closes after this long"),
          s("INCIDENT_TICKET_PRIORITIES", "P-0,P-1", "incidents that open a customer ticket"),
          s("TICKET_PAGE_PRIORITIES", "P-0", "ticket priorities that page on-call"),
          s("SESSION_IDLE", "PT2H", "a page session ends after this long idle"),
          s("SESSION_MAX", "PT12H", "a page session ends after this long in any case"),
          s("JAVA_OPTS", "empty", "extra JVM options (read by the ./opsflow launcher)"),
          s("ROUTING_KEY", "a stored token", "integration token used by send-alert"),
          s("DEBUG", "unset", "set: a failed command prints its stack trace"),
          s("KAFKA_LOG_DIR", "<data dir>/kafka-standalone", "infra/kafka/run-broker.sh's log"));

  private Settings() {}

  private static Setting s(String suffix, String byDefault, String meaning) {
    return new Setting("OPSFLOW_" + suffix, byDefault, meaning);
  }

  public static List<Setting> all() {
    return ALL;
  }

  public static Set<String> names() {
    return ALL.stream().map(Setting::name).collect(Collectors.toUnmodifiableSet());
  }

  /** The {@code OPSFLOW_*} names in {@code env} that are not settings, sorted. */
  public static List<String> unknown(java.util.Map<String, String> env) {
    Set<String> known = names();
    return env.keySet().stream()
        .filter(k -> k.startsWith("OPSFLOW_") && !known.contains(k))
        .sorted()
        .toList();
  }
}
