package io.opsflow.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where answers may be posted: Slack's {@code https://hooks.slack.com/} only, and the origin of a
 * configured {@code OPSFLOW_SLACK_API_URL} (a local Slack for tests and development). A signed
 * request still decides the URL opsflow posts to, so nothing else is taken (no requests to internal
 * addresses on Slack's word).
 */
final class ResponseUrls {
  static final String SLACK_HOOKS = "hooks.slack.com";

  private final Optional<URI> extra;

  ResponseUrls(Optional<String> slackApiUrl) {
    this.extra = slackApiUrl.flatMap(ResponseUrls::parse);
  }

  boolean allowed(String url) {
    Optional<URI> u = url == null ? Optional.empty() : parse(url);
    if (u.isEmpty() || u.get().getRawUserInfo() != null || u.get().getHost() == null) {
      return false;
    }
    URI uri = u.get();
    if ("https".equals(scheme(uri))
        && SLACK_HOOKS.equals(host(uri))
        && (uri.getPort() == -1 || uri.getPort() == 443)) {
      return true;
    }
    return extra
        .filter(e -> scheme(e).equals(scheme(uri)))
        .filter(e -> host(e).equals(host(uri)))
        .filter(e -> port(e) == port(uri))
        .isPresent();
  }

  private static Optional<URI> parse(String s) {
    try {
      URI u = new URI(s.trim());
      return u.isAbsolute() ? Optional.of(u) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String scheme(URI u) {
    return u.getScheme().toLowerCase(Locale.ROOT);
  }

  private static String host(URI u) {
    return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equals(scheme(u)) ? 443 : 80;
  }
}
