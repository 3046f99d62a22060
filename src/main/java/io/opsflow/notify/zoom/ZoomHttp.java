package io.opsflow.notify.zoom;

import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One HTTP exchange with Zoom: connect within 5 s, an answer within 10 s, transport errors mapped.
 */
final class ZoomHttp {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  ZoomHttp() {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A request builder with the request timeout already set. */
  static HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
  }

  HttpResponse<String> send(HttpRequest request, String action) throws EffectFailure {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ZoomErrors.transport(action, e);
    } catch (InterruptedException e) {
      throw ZoomErrors.interrupted(action, e);
    }
  }
}
