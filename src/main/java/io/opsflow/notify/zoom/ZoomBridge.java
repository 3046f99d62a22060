package io.opsflow.notify.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.notify.model.ConferenceBridge;
import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zoom meeting per incident, through Zoom's REST API with a Server-to-Server OAuth app. A token
 * the API refuses (401) is replaced once and the call repeated; after that a 401 is permanent.
 */
public final class ZoomBridge implements ConferenceBridge {
  private static final Logger log = LoggerFactory.getLogger(ZoomBridge.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 50;

  private final ZoomSettings settings;
  private final ZoomHttp http;
  private final ZoomTokens tokens;
  private final Clock clock;

  public ZoomBridge(ZoomSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public ZoomBridge(ZoomSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = new ZoomHttp();
    this.tokens = new ZoomTokens(settings, http, clock);
  }

  @Override
  public Bridge open(BridgeRequest request, boolean mayHaveBeenCreated) throws EffectFailure {
    String marker = ZoomTopic.marker(request.incidentId());
    if (mayHaveBeenCreated) {
      Optional<Bridge> existing = find(marker);
      if (existing.isPresent()) {
        log.info(
            "Zoom meeting {} already open for incident {}",
            existing.get().id(),
            request.incidentId());
        return existing.get();
      }
    }
    Bridge created = create(request);
    log.info("Zoom meeting {} created for incident {}", created.id(), request.incidentId());
    return created;
  }

  private Bridge create(BridgeRequest request) throws EffectFailure {
    ObjectNode body = JSON.createObjectNode();
    body.put("topic", ZoomTopic.of(request.incidentId(), request.topic()));
    body.put("type", 2);
    body.put("agenda", ZoomTopic.agenda(request.agenda()));
    body.put("duration", 60);
    body.put(
        "start_time",
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    body.putObject("settings").put("join_before_host", true).put("waiting_room", false);
    String json = body.toString();
    URI uri = URI.create(settings.apiUrl() + "/users/me/meetings");
    JsonNode meeting =
        call(
            "create the meeting",
            token ->
                ZoomHttp.request(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
    return bridge(meeting);
  }

  private Optional<Bridge> find(String marker) throws EffectFailure {
    String pageToken = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      String query = "?type=upcoming&page_size=300";
      if (!pageToken.isEmpty()) {
        query += "&next_page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
      }
      URI uri = URI.create(settings.apiUrl() + "/users/me/meetings" + query);
      JsonNode list =
          call(
              "list upcoming meetings",
              token ->
                  ZoomHttp.request(uri).header("Authorization", "Bearer " + token).GET().build());
      for (JsonNode m : list.path("meetings")) {
        if (m.path("topic").asText("").contains(marker)) {
          return Optional.of(bridge(m));
        }
      }
      pageToken = list.path("next_page_token").asText("");
      if (pageToken.isEmpty()) {
        return Optional.empty();
      }
    }
    log.warn("Stopped looking for an existing Zoom meeting after {} pages", MAX_PAGES);
    return Optional.empty();
  }

  /** Sends with the current token; on 401 drops it, takes a new one and tries once more. */
  private JsonNode call(String action, Function<String, HttpRequest> request) throws EffectFailure {
    String token = tokens.current();
    HttpResponse<String> r = http.send(request.apply(token), action);
    if (r.statusCode() == 401) {
      tokens.refused(token);
      r = http.send(request.apply(tokens.current()), action);
    }
    if (r.statusCode() / 100 != 2) {
      throw ZoomErrors.api(action, r, clock);
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw ZoomErrors.unreadable(action, e);
    }
  }

  private static Bridge bridge(JsonNode meeting) {
    return new Bridge(
        meeting.path("id").asText(),
        meeting.path("join_url").asText(""),
        meeting.path("password").asText(""));
  }
}
