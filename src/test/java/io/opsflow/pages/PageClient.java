package io.opsflow.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: java.net.http with a cookie jar, redirects not followed. */
final class PageClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  PageClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  record Page(int status, String body, HttpResponse<String> response) {
    String location() {
      return response.headers().firstValue("Location").orElse(null);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The CSRF token of the page's first form. */
    String csrf() {
      Matcher m = CSRF.matcher(body);
      if (!m.find()) {
        throw new AssertionError("no csrf field in: " + body);
      }
      return m.group(1);
    }
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Page post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart form with one file field {@code attachment}. */
  Page postMultipart(String path, Map<String, String> fields, String filename, byte[] file) {
    String boundary = "----opsflow" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (k, v) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"")
        .append(filename)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + file.length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(file, 0, all, h.length, file.length);
    System.arraycopy(t, 0, all, h.length + file.length, t.length);
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(all)));
  }

  /** Signs in with a password; returns the answer to the form (303 on success). */
  Page signIn(String area, String email, String password) {
    Page form = get(area + "/signin");
    return post(
        area + "/signin", Map.of("csrf", form.csrf(), "email", email, "password", password));
  }

  /** GET with a Cookie header written by hand, as a client replaying an old cookie would. */
  Page getWithCookie(String path, String cookie) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET());
  }

  /** The value of the session cookie the jar holds, or null. */
  String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("opsflow_session") && !c.getValue().isEmpty())
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  boolean hasSessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .anyMatch(c -> c.getName().equals("opsflow_session") && !c.getValue().isEmpty());
  }

  private Page send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
