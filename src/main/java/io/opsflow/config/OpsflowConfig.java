package io.opsflow.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole configuration, read once at start from the environment (and an optional {@code
 * opsflow.yaml} that mirrors the variables). Immutable; secrets are never printed by {@link
 * #toString()}.
 */
public record OpsflowConfig(
    int httpPort,
    Path dataDir,
    Optional<String> kafkaBootstrap,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Optional<String> adminToken,
    Optional<Path> workflowsDir,
    Optional<String> slackBotToken,
    Optional<String> slackSigningSecret,
    Optional<String> slackApiUrl,
    Optional<String> zoomAccountId,
    Optional<String> zoomApiUrl,
    Optional<String> smtpHost,
    Optional<String> imapUrl,
    String historyLevel,
    String instanceId,
    int alertConsumers,
    Path oncallDir,
    Path slaDir,
    Duration webhookFirstRetry,
    Duration webhookGiveUpAfter,
    boolean webhookAllowPrivate,
    Duration checkResultRetention,
    EffectsConfig effects,
    TicketsConfig tickets) {

  /**
   * The H2 file database under the data dir, unless a JDBC URL is configured. Commits are written
   * to the file at once ({@code WRITE_DELAY=0}; H2's default writes up to about half a second
   * later), so a killed process loses no committed work, such as the record that an effect was
   * about to reach Slack or Zoom.
   */
  public String jdbcUrl() {
    return dbUrl.orElseGet(
        () ->
            "jdbc:h2:file:"
                + dataDir.resolve("db").resolve("opsflow").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  /** The address in links of mails: the configured public URL, else localhost and the port. */
  public String publicUrl(int boundPort) {
    return tickets.publicUrl().orElse("http://localhost:" + boundPort);
  }

  public boolean embeddedKafka() {
    return kafkaBootstrap.isEmpty();
  }

  public boolean slackConfigured() {
    return slackBotToken.isPresent() && slackSigningSecret.isPresent();
  }

  public boolean zoomConfigured() {
    return zoomAccountId.isPresent()
        && effects.zoomClientId().isPresent()
        && effects.zoomClientSecret().isPresent();
  }

  public boolean smtpConfigured() {
    return smtpHost.isPresent();
  }

  public boolean imapConfigured() {
    return imapUrl.isPresent();
  }

  /** A copy with the given database and Kafka (tests point the app at their own). */
  public OpsflowConfig withInfrastructure(
      String kafka, String url, String user, String password, Path data) {
    return new OpsflowConfig(
        httpPort,
        data,
        Optional.ofNullable(kafka),
        Optional.ofNullable(url),
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        adminToken,
        workflowsDir,
        slackBotToken,
        slackSigningSecret,
        slackApiUrl,
        zoomAccountId,
        zoomApiUrl,
        smtpHost,
        imapUrl,
        historyLevel,
        instanceId,
        alertConsumers,
        oncallDir,
        slaDir,
        webhookFirstRetry,
        webhookGiveUpAfter,
        webhookAllowPrivate,
        checkResultRetention,
        effects,
        tickets);
  }

  /** A copy with another data dir (the command line's {@code --data-dir}). */
  public OpsflowConfig withDataDir(Path data) {
    return withInfrastructure(
        kafkaBootstrap.orElse(null),
        dbUrl.orElse(null),
        dbUser.orElse(null),
        dbPassword.orElse(null),
        data);
  }

  @Override
  public String toString() {
    return "OpsflowConfig[httpPort="
        + httpPort
        + ", dataDir="
        + dataDir
        + ", kafka="
        + kafkaBootstrap.orElse("embedded")
        + ", db="
        + jdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***")
        + ", slack="
        + slackConfigured()
        + ", zoom="
        + zoomConfigured()
        + ", smtp="
        + smtpConfigured()
        + ", imap="
        + imapConfigured()
        + "]";
  }
}
