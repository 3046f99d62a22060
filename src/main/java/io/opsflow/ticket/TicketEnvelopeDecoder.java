package io.opsflow.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Role;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.util.ArrayList;
import java.util.List;

/** Reads the ticket command of a {@link TicketEnvelopes} envelope back, field by field. */
final class TicketEnvelopeDecoder {
  private TicketEnvelopeDecoder() {}

  static TicketEnvelopes.Decoded decode(CloudEvent.Parsed e) {
    JsonNode d = e.data();
    String ticketId = text(d, "ticketId");
    if (ticketId == null || ticketId.isBlank()) {
      throw new IllegalArgumentException("ticket command has no ticketId");
    }
    String name = e.extension(EnvelopeTypes.ACTOR);
    Role role =
        Role.parse(e.extension(TicketEnvelopes.ACTOR_ROLE))
            .orElseThrow(() -> new IllegalArgumentException("ticket command has no actor role"));
    if (name == null) {
      throw new IllegalArgumentException("ticket command has no actor");
    }
    Actor actor =
        new Actor(
            e.extension(TicketEnvelopes.ACTOR_USER),
            name,
            role,
            e.extension(EnvelopeTypes.ORGANIZATION));
    TicketCommand c =
        switch (e.type()) {
          case TicketEnvelopes.OPEN ->
              new TicketCommand.Open(
                  ticketId,
                  required(d, "organizationId"),
                  required(d, "subject"),
                  text(d, "description") == null ? "" : text(d, "description"),
                  required(d, "priority"),
                  required(d, "source"),
                  text(d, "requesterEmail"),
                  strings(d.path("watchers")),
                  attachments(d.path("attachments")),
                  text(d, "incidentId"));
          case TicketEnvelopes.COMMENT ->
              new TicketCommand.Comment(
                  ticketId,
                  required(d, "commentId"),
                  "internal".equals(text(d, "visibility"))
                      ? Visibility.INTERNAL
                      : Visibility.PUBLIC,
                  required(d, "body"),
                  required(d, "via"),
                  attachments(d.path("attachments")));
          case TicketEnvelopes.STATUS ->
              new TicketCommand.SetStatus(
                  ticketId,
                  TicketStatus.parse(text(d, "status"))
                      .orElseThrow(() -> new IllegalArgumentException("unknown ticket status")),
                  text(d, "reason"));
          case TicketEnvelopes.PRIORITIZE ->
              new TicketCommand.Prioritize(ticketId, required(d, "priority"), text(d, "reason"));
          case TicketEnvelopes.ASSIGN -> new TicketCommand.Assign(ticketId, text(d, "assigneeId"));
          case TicketEnvelopes.LINK -> new TicketCommand.Link(ticketId, required(d, "incidentId"));
          case TicketEnvelopes.WATCH -> new TicketCommand.Watch(ticketId, required(d, "email"));
          default ->
              throw new IllegalArgumentException("unknown ticket command type '" + e.type() + "'");
        };
    return new TicketEnvelopes.Decoded(e.id(), e.time(), actor, c);
  }

  private static List<Attachment> attachments(JsonNode a) {
    List<Attachment> out = new ArrayList<>();
    for (JsonNode n : a) {
      out.add(
          new Attachment(
              required(n, "filename"),
              text(n, "mediaType"),
              n.path("size").asInt(),
              required(n, "content")));
    }
    return out;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode d, String field) {
    JsonNode n = d.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String required(JsonNode d, String field) {
    String v = text(d, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("ticket command has no " + field);
    }
    return v;
  }
}
