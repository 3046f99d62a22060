package io.opsflow.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Posts to the running app's Slack endpoints as Slack does: form-encoded and signed (v0). */
final class SlackCalls {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SlackSignature signer = new SlackSignature(TestApp.SLACK_SIGNING_SECRET);
  private final String baseUrl;

  SlackCalls(TestApp app) {
    this.baseUrl = app.baseUrl();
  }

  /** The body of {@code /opsflow <text>} typed by {@code slackUserId} in channel C1. */
  static String command(String slackUserId, String userName, String text, String responseUrl) {
    return "token=deprecated&team_id=T0001&team_domain=example&channel_id=C1&channel_name=ops"
        + "&user_id="
        + slackUserId
        + "&user_name="
        + userName
        + "&command=%2Fopsflow&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&api_app_id=A1&response_url="
        + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
        + "&trigger_id=1.2.3";
  }

  /** Signed with a timestamp {@code skewSeconds} away from now. */
  HttpResponse<String> signed(String path, String body, long skewSeconds) {
    String ts = Long.toString(Instant.now().getEpochSecond() + skewSeconds);
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Signed over {@code signedBody}, but {@code sentBody} is what goes out. */
  HttpResponse<String> forged(String path, String signedBody, String sentBody) {
    String ts = Long.toString(Instant.now().getEpochSecond());
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header(
                "X-Slack-Signature", signer.sign(ts, signedBody.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(sentBody))
            .build());
  }

  HttpResponse<String> unsigned(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** An opsflow user linked to a Slack user. */
  record Person(String slackId, String email) {}

  /** Creates an opsflow user of {@code org} (null: the operator's) with a fresh Slack id. */
  static Person aSlackUser(TestApp app, String org, String role) {
    String n = UUID.randomUUID().toString().substring(0, 8);
    Person p =
        new Person("U" + n.toUpperCase(java.util.Locale.ROOT), role + "-" + n + "@example.com");
    String body =
        "{\"email\":\""
            + p.email()
            + "\",\"name\":\""
            + role
            + " "
            + n
            + "\",\"role\":\""
            + role
            + "\",\"slackUserId\":\""
            + p.slackId()
            + "\""
            + (org == null ? "" : ",\"organization\":\"" + org + "\"")
            + "}";
    ApiCalls.Resp r = app.api().post("/api/v1/users", app.adminToken(), body);
    if (r.status() != 201) {
      throw new IllegalStateException("user not created: " + r.status() + " " + r.raw());
    }
    return p;
  }

  /** The {@code text} of a Slack JSON answer or post. */
  static String text(String json) {
    try {
      JsonNode n = ApiCalls.JSON.readTree(json);
      return n.path("text").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
