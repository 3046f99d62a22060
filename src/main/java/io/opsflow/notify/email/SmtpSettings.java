package io.opsflow.notify.email;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to send mail. Authentication is used only when {@code user} is set; {@link
 * #toString()} hides the password, so a settings object can be logged.
 */
public record SmtpSettings(
    String host,
    int port,
    Optional<String> user,
    Optional<String> password,
    String from,
    boolean startTls) {
  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    user = user == null ? Optional.empty() : user.filter(u -> !u.isBlank());
    password = password == null ? Optional.empty() : password;
    if (port <= 0 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", user="
        + user.orElse("(none)")
        + ", password="
        + (password.isPresent() ? "****" : "(none)")
        + ", from="
        + from
        + ", startTls="
        + startTls
        + "]";
  }
}
