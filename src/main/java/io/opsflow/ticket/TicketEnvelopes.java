package io.opsflow.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.TicketCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ticket commands as they travel on {@code opsflow.tickets}: a CloudEvent whose type names the
 * command, whose extensions say who asked, and whose data holds the command's fields.
 */
public final class TicketEnvelopes {
  public static final String PREFIX = "io.opsflow.command.ticket.";
  public static final String OPEN = PREFIX + "open";
  public static final String COMMENT = PREFIX + "comment";
  public static final String STATUS = PREFIX + "status";
  public static final String PRIORITIZE = PREFIX + "prioritize";
  public static final String ASSIGN = PREFIX + "assign";
  public static final String LINK = PREFIX + "link";
  public static final String WATCH = PREFIX + "watch";

  static final String ACTOR_USER = "actoruserid";
  static final String ACTOR_ROLE = "actorrole";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TicketEnvelopes() {}

  /** A command and who asked for it, as decoded from a record. */
  public record Decoded(String envelopeId, Instant at, Actor actor, TicketCommand command) {}

  /** The envelope for {@code command}; its id is new, so each request is applied once. */
  public static CloudEvent encode(TicketCommand command, Actor actor, Instant at) {
    return encode(EnvelopeIds.next(), command, actor, at);
  }

  /** The envelope with a chosen id: a retried mail or Slack request keeps the id of the first. */
  public static CloudEvent encode(String id, TicketCommand command, Actor actor, Instant at) {
    ObjectNode d = JSON.createObjectNode();
    d.put("ticketId", command.ticketId());
    String type;
    if (command instanceof TicketCommand.Open o) {
      d.put("organizationId", o.organizationId());
      d.put("subject", o.subject());
      d.put("description", o.description());
      d.put("priority", o.priority());
      d.put("source", o.source());
      d.put("requesterEmail", o.requesterEmail());
      ArrayNode w = d.putArray("watchers");
      o.watchers().forEach(w::add);
      attachments(d, o.attachments());
      d.put("incidentId", o.incidentId());
      type = OPEN;
    } else if (command instanceof TicketCommand.Comment c) {
      d.put("commentId", c.commentId());
      d.put("visibility", c.visibility().wire());
      d.put("body", c.body());
      d.put("via", c.via());
      attachments(d, c.attachments());
      type = COMMENT;
    } else if (command instanceof TicketCommand.SetStatus st) {
      d.put("status", st.status().wire());
      d.put("reason", st.reason());
      type = STATUS;
    } else if (command instanceof TicketCommand.Prioritize p) {
      d.put("priority", p.priority());
      d.put("reason", p.reason());
      type = PRIORITIZE;
    } else if (command instanceof TicketCommand.Assign a) {
      d.put("assigneeId", a.assigneeId());
      type = ASSIGN;
    } else if (command instanceof TicketCommand.Link l) {
      d.put("incidentId", l.incidentId());
      type = LINK;
    } else {
      d.put("email", ((TicketCommand.Watch) command).email());
      type = WATCH;
    }
    Map<String, String> ext = new HashMap<>();
    ext.put(EnvelopeTypes.ACTOR, actor.name());
    ext.put(ACTOR_ROLE, actor.role().wire());
    if (actor.userId() != null) {
      ext.put(ACTOR_USER, actor.userId());
    }
    if (actor.organizationId() != null) {
      ext.put(EnvelopeTypes.ORGANIZATION, actor.organizationId());
    }
    byte[] data;
    try {
      data = JSON.writeValueAsBytes(d);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new CloudEvent(id, "/opsflow/tickets", type, at, command.ticketId(), ext, data);
  }

  /**
   * Reads a command back.
   *
   * @throws IllegalArgumentException with the reason when the record is not a ticket command
   */
  public static Decoded decode(CloudEvent.Parsed e) {
    return TicketEnvelopeDecoder.decode(e);
  }

  private static void attachments(ObjectNode d, List<Attachment> list) {
    ArrayNode a = d.putArray("attachments");
    for (Attachment x : list) {
      ObjectNode n = a.addObject();
      n.put("filename", x.filename());
      n.put("mediaType", x.mediaType());
      n.put("size", x.size());
      n.put("content", x.content());
    }
  }
}
