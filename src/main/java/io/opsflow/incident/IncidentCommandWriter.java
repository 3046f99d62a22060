package io.opsflow.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.db.Audit;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Writes an accepted incident command to {@code opsflow.commands} and puts it on the audit trail
 * under its actor ({@code incident.acknowledge}, ...).
 */
final class IncidentCommandWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> AUDIT_ACTIONS =
      Map.of(
          EnvelopeTypes.ACKNOWLEDGE, "incident.acknowledge",
          EnvelopeTypes.RESOLVE, "incident.resolve",
          EnvelopeTypes.ESCALATE, "incident.escalate",
          EnvelopeTypes.PRIORITIZE, "incident.priority",
          EnvelopeTypes.SLA_PAUSE, "incident.sla_pause",
          EnvelopeTypes.SLA_RESUME, "incident.sla_resume");

  private final Publisher publisher;
  private final Audit audit;

  IncidentCommandWriter(Publisher publisher, Audit audit) {
    this.publisher = publisher;
    this.audit = audit;
  }

  static boolean isCommand(String type) {
    return AUDIT_ACTIONS.containsKey(type);
  }

  /** Publishes and audits the command; returns its id. */
  String write(
      String commandId,
      String incidentId,
      String organizationId,
      String type,
      Map<String, String> fields,
      String actor,
      String source) {
    CloudEvent command =
        new CloudEvent(
            commandId,
            source,
            type,
            Instant.now(),
            incidentId,
            Map.of(EnvelopeTypes.ACTOR, actor, EnvelopeTypes.ORGANIZATION, organizationId),
            data(incidentId, fields));
    publisher.publish(Topics.COMMANDS, incidentId, command);
    audit.record(
        actor,
        organizationId,
        AUDIT_ACTIONS.get(type),
        incidentId,
        String.join(" ", fields.values()) + (fields.isEmpty() ? "" : " ") + "via " + source);
    return command.id();
  }

  private static byte[] data(String incidentId, Map<String, String> fields) {
    ObjectNode data = JSON.createObjectNode().put("incidentId", incidentId);
    fields.forEach(data::put);
    return data.toString().getBytes(StandardCharsets.UTF_8);
  }
}
