package io.opsflow.ticket.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The mailbox read for inbound mail, from {@code OPSFLOW_IMAP_URL}: {@code
 * imap://user:password@host:port/INBOX} or {@code imaps://...}. User and password may be
 * percent-encoded ({@code support%40example.com}). {@link #toString()} hides the password.
 */
public record ImapSettings(
    boolean ssl, String host, int port, String user, String password, String folder) {

  /**
   * Reads the URL.
   *
   * @throws IllegalArgumentException with the reason (never the password) when it is not one
   */
  public static ImapSettings parse(String url) {
    URI u;
    try {
      u = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("OPSFLOW_IMAP_URL is not a URL: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("imap") && !scheme.equals("imaps")) {
      throw new IllegalArgumentException(
          "OPSFLOW_IMAP_URL must start with imap:// or imaps://, not '" + scheme + "'");
    }
    if (u.getHost() == null || u.getRawUserInfo() == null) {
      throw new IllegalArgumentException(
          "OPSFLOW_IMAP_URL needs a user, password and host: imap://user:password@host:port/INBOX");
    }
    String info = u.getRawUserInfo();
    int colon = info.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("OPSFLOW_IMAP_URL has a user but no password");
    }
    boolean ssl = scheme.equals("imaps");
    String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/+", "");
    return new ImapSettings(
        ssl,
        u.getHost(),
        u.getPort() > 0 ? u.getPort() : ssl ? 993 : 143,
        decode(info.substring(0, colon)),
        decode(info.substring(colon + 1)),
        path.isBlank() ? "INBOX" : path);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public String protocol() {
    return ssl ? "imaps" : "imap";
  }

  /** The URL without the password, for logs and {@code /health}. */
  public String safeUrl() {
    return protocol() + "://" + user + "@" + host + ":" + port + "/" + folder;
  }

  @Override
  public String toString() {
    return "ImapSettings[" + safeUrl() + "]";
  }
}
