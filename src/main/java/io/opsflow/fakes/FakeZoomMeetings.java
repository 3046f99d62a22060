package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /v2/users/me/meetings}: POST creates a meeting, GET lists them a page at a time. */
final class FakeZoomMeetings {
  private final FakeZoomOAuth oauth;
  private final String baseUrl;
  private final List<FakeZoomMeeting> meetings = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(85_000_000_000L);

  FakeZoomMeetings(FakeZoomOAuth oauth, String baseUrl) {
    this.oauth = oauth;
    this.baseUrl = baseUrl;
  }

  void handle(HttpExchange ex) throws IOException {
    if (!oauth.isLive(FakeZoomExchange.bearer(ex))) {
      FakeZoomExchange.json(ex, 401, FakeZoomExchange.error(124, "Invalid access token."));
      return;
    }
    switch (ex.getRequestMethod()) {
      case "POST" -> create(ex);
      case "GET" -> list(ex);
      default -> FakeZoomExchange.json(ex, 405, FakeZoomExchange.error(405, "Method not allowed"));
    }
  }

  private void create(HttpExchange ex) throws IOException {
    JsonNode body;
    try {
      body = FakeZoomExchange.JSON.readTree(FakeZoomExchange.body(ex));
    } catch (IOException e) {
      FakeZoomExchange.json(ex, 400, FakeZoomExchange.error(300, "Request Body should be JSON."));
      return;
    }
    String topic = body.path("topic").asText("");
    if (topic.length() > 200) {
      FakeZoomExchange.json(
          ex, 400, FakeZoomExchange.error(300, "Validation Failed. topic: size must be <= 200"));
      return;
    }
    JsonNode settings = body.path("settings");
    FakeZoomMeeting m = add(topic, body, settings);
    FakeZoomExchange.json(ex, 201, view(m, true));
  }

  private FakeZoomMeeting add(String topic, JsonNode body, JsonNode settings) {
    long id = ids.incrementAndGet();
    String password = FakeZoomOAuth.randomToken().substring(0, 6);
    FakeZoomMeeting m =
        new FakeZoomMeeting(
            id,
            topic,
            body.path("agenda").asText(""),
            body.path("type").asInt(2),
            body.path("start_time").asText(""),
            body.path("duration").asInt(60),
            settings.path("join_before_host").asBoolean(false),
            settings.path("waiting_room").asBoolean(true),
            baseUrl + "/j/" + id + "?pwd=" + password,
            password);
    meetings.add(m);
    return m;
  }

  FakeZoomMeeting seed(String topic) {
    return add(topic, FakeZoomExchange.JSON.createObjectNode(), FakeZoomExchange.JSON.nullNode());
  }

  private void list(HttpExchange ex) throws IOException {
    Map<String, String> q = FakeZoomExchange.query(ex);
    int size = Math.max(1, Math.min(300, Integer.parseInt(q.getOrDefault("page_size", "30"))));
    int from = 0;
    String pageToken = q.getOrDefault("next_page_token", "");
    if (!pageToken.isEmpty()) {
      from = Integer.parseInt(pageToken.substring(pageToken.indexOf('-') + 1));
    }
    List<FakeZoomMeeting> all = List.copyOf(meetings);
    int to = Math.min(all.size(), from + size);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("page_size", size);
    page.put("total_records", all.size());
    page.put("next_page_token", to < all.size() ? "page-" + to : "");
    page.put(
        "meetings", all.subList(Math.min(from, to), to).stream().map(m -> view(m, false)).toList());
    FakeZoomExchange.json(ex, 200, page);
  }

  /** Zoom's meeting JSON; like Zoom, the list leaves out the password. */
  private static Map<String, Object> view(FakeZoomMeeting m, boolean withPassword) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("topic", m.topic());
    v.put("type", m.type());
    v.put("start_time", m.startTime());
    v.put("duration", m.duration());
    v.put("agenda", m.agenda());
    v.put("join_url", m.joinUrl());
    if (withPassword) {
      v.put("password", m.password());
    }
    return v;
  }

  List<FakeZoomMeeting> meetings() {
    return List.copyOf(meetings);
  }
}
