package io.opsflow.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.JsonBodies;
import io.opsflow.incident.IncidentJson;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tickets as the API shows them, and the checks on what it is sent. */
public final class TicketJson {
  static final int MAX_FILENAME = 255;
  static final int MAX_MEDIA_TYPE = 100;

  private TicketJson() {}

  public static Map<String, Object> summary(Ticket t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("reference", t.reference());
    m.put("organization", t.organizationId());
    m.put("subject", t.subject());
    m.put("priority", t.priority());
    m.put("status", t.status().wire());
    m.put("source", t.source());
    m.put("requester", t.requesterEmail());
    m.put("assigneeId", t.assigneeId());
    m.put("createdAt", t.createdAt().toString());
    m.put("updatedAt", t.updatedAt().toString());
    m.put("resolvedAt", t.resolvedAt() == null ? null : t.resolvedAt().toString());
    m.put("closedAt", t.closedAt() == null ? null : t.closedAt().toString());
    return m;
  }

  public static Map<String, Object> page(Page<Ticket> page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", page.items().stream().map(TicketJson::summary).toList());
    m.put("next", page.next());
    return m;
  }

  public static Map<String, Object> detail(TicketQueries.Detail d) {
    Map<String, Object> m = summary(d.ticket());
    m.put("description", d.ticket().description());
    m.put("assignee", d.assigneeName());
    m.put("watchers", d.watchers());
    m.put("incidents", d.incidents());
    List<Map<String, Object>> comments = new ArrayList<>();
    for (TicketQueries.Comment c : d.comments()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", c.id());
      x.put("visibility", c.visibility());
      x.put("author", c.author());
      x.put("authorRole", c.authorRole());
      x.put("body", c.body());
      x.put("via", c.via());
      x.put("at", c.at().toString());
      comments.add(x);
    }
    m.put("comments", comments);
    List<Map<String, Object>> files = new ArrayList<>();
    for (TicketQueries.AttachmentInfo a : d.attachments()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", a.id());
      x.put("commentId", a.commentId());
      x.put("filename", a.filename());
      x.put("mediaType", a.mediaType());
      x.put("size", a.size());
      x.put("url", "/api/v1/tickets/" + d.ticket().id() + "/attachments/" + a.id());
      files.add(x);
    }
    m.put("attachments", files);
    m.put("sla", IncidentJson.sla(d.sla()));
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (TicketQueries.Line l : d.timeline()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("at", l.at().toString());
      x.put("kind", l.kind());
      x.put("actor", l.actor());
      x.put("message", l.message());
      timeline.add(x);
    }
    m.put("timeline", timeline);
    return m;
  }

  public static List<Attachment> attachments(JsonNode body) {
    JsonNode n = body.get("attachments");
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw ApiException.badRequest("attachments must be an array");
    }
    List<Attachment> out = new ArrayList<>();
    for (JsonNode a : n) {
      JsonBodies.only(a, Set.of("filename", "mediaType", "content"));
      String name = JsonBodies.text(a, "filename");
      String content = JsonBodies.text(a, "content");
      if (name == null || name.isBlank() || content == null) {
        throw ApiException.badRequest("an attachment needs a filename and a base64 content");
      }
      out.add(attachment(name, JsonBodies.text(a, "mediaType"), content));
    }
    return out;
  }

  /** One attachment from base64; refuses bad encoding (400) and files over the limit (413). */
  public static Attachment attachment(String filename, String mediaType, String base64) {
    Fields.atMost("filename", filename, MAX_FILENAME);
    byte[] bytes;
    try {
      // line breaks and spaces are allowed (MIME style); any other character outside the
      // alphabet is refused, where the MIME decoder would silently skip it
      bytes = Base64.getDecoder().decode(base64.replaceAll("[\\s]", ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("attachment " + filename + " is not base64");
    }
    return attachment(filename, mediaType, bytes);
  }

  public static Attachment attachment(String filename, String mediaType, byte[] bytes) {
    Fields.atMost("filename", filename, MAX_FILENAME);
    Fields.atMost("mediaType", mediaType, MAX_MEDIA_TYPE);
    if (bytes.length > Attachment.MAX_BYTES) {
      throw new ApiException(
          413,
          "payload too large",
          "attachment "
              + filename
              + " is "
              + bytes.length
              + " bytes; the limit is "
              + Attachment.MAX_BYTES);
    }
    String clean = filename.replaceAll("[\\\\/\\x00-\\x1f]", "_");
    return new Attachment(
        clean, mediaType, bytes.length, Base64.getEncoder().encodeToString(bytes));
  }
}
