package io.opsflow.notify.zoom;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach Zoom with a Server-to-Server OAuth app. {@link #toString()} hides the client secret,
 * so a settings object can be logged.
 */
public record ZoomSettings(
    String accountId, String clientId, String clientSecret, String apiUrl, String oauthUrl) {
  public static final String ZOOM_API_URL = "https://api.zoom.us/v2";
  public static final String ZOOM_OAUTH_URL = "https://zoom.us/oauth/token";

  public ZoomSettings {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(oauthUrl, "oauthUrl");
    apiUrl = stripSlash(apiUrl);
  }

  /**
   * Settings with defaults: Zoom's API when {@code apiUrl} is blank; Zoom's OAuth endpoint when
   * {@code oauthUrl} is blank, except for an API that is not Zoom's (a local test server), whose
   * own {@code /oauth/token} is used so one server can answer both.
   */
  public static ZoomSettings of(
      String accountId, String clientId, String clientSecret, String apiUrl, String oauthUrl) {
    String api = blank(apiUrl) ? ZOOM_API_URL : stripSlash(apiUrl);
    String oauth = oauthUrl;
    if (blank(oauth)) {
      oauth = blank(apiUrl) || isZoom(api) ? ZOOM_OAUTH_URL : origin(api) + "/oauth/token";
    }
    return new ZoomSettings(accountId, clientId, clientSecret, api, oauth);
  }

  @Override
  public String toString() {
    return "ZoomSettings[accountId="
        + accountId
        + ", clientId="
        + clientId
        + ", clientSecret=****, apiUrl="
        + apiUrl
        + ", oauthUrl="
        + oauthUrl
        + "]";
  }

  private static boolean isZoom(String url) {
    String host = URI.create(url).getHost();
    return host != null && (host.equals("zoom.us") || host.endsWith(".zoom.us"));
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("Zoom API URL must be absolute: " + url);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
