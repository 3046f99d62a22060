package io.opsflow.webhook;

import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import java.net.URI;

/** The URL a subscription delivers to: http or https with a host, and no private address. */
final class WebhookUrls {
  private WebhookUrls() {}

  /** {@code allowPrivate} lets a subscription deliver to private and loopback addresses. */
  static String checked(String raw, boolean allowPrivate) {
    URI uri;
    try {
      uri = URI.create(raw.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw ApiException.badRequest("url must be an http or https URL with a host");
    }
    Fields.atMost("url", raw, 2000);
    if (!allowPrivate) {
      PrivateAddresses.refusal(uri.getHost())
          .ifPresent(
              reason -> {
                throw ApiException.badRequest("url refused: " + reason);
              });
    }
    return uri.toString();
  }
}
