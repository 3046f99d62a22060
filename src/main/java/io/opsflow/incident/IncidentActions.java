package io.opsflow.incident;

import io.opsflow.db.Audit;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.kafka.Publisher;
import java.util.Map;

/**
 * Acknowledge, resolve, re-prioritize and SLA pause/resume requests, whoever makes them (the API,
 * Slack): checked against the incident in the caller's scope, then written and audited by {@link
 * IncidentCommandWriter}.
 */
public final class IncidentActions {
  private final IncidentQueries queries;
  private final IncidentCommandWriter writer;

  public IncidentActions(IncidentQueries queries, Publisher publisher, Audit audit) {
    this.queries = queries;
    this.writer = new IncidentCommandWriter(publisher, audit);
  }

  /** The incident an id or unique short id names (see {@link IncidentQueries#resolveId}). */
  public java.util.Optional<String> resolveId(String idOrPrefix) {
    return queries.resolveId(idOrPrefix);
  }

  /** The incident whose war room is this Slack channel. */
  public java.util.Optional<String> incidentOfChannel(String channelId) {
    return queries.incidentOfChannel(channelId);
  }

  /**
   * Requests an action; returns the command's id.
   *
   * @param type {@link EnvelopeTypes#ACKNOWLEDGE} or {@link EnvelopeTypes#RESOLVE}
   * @param scope the caller's organization, or null for every organization
   * @throws ApiException 404 when there is no such incident in scope, 409 when it is resolved
   */
  public String request(String incidentId, String type, String actor, String source, String scope) {
    return request(incidentId, type, Map.of(), actor, source, scope);
  }

  /**
   * Requests that a person's priority replace the incident's; returns the command's id.
   *
   * @throws ApiException 400 when the priority is not P-0, P-1 or P-2, else as {@link #request}
   */
  public String prioritize(
      String incidentId, String priority, String actor, String source, String scope) {
    if (!TriageDecision.PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("priority must be P-0, P-1 or P-2");
    }
    return request(
        incidentId, EnvelopeTypes.PRIORITIZE, Map.of("priority", priority), actor, source, scope);
  }

  /** Requests that the incident's SLA clocks pause (with a reason) or resume. */
  public String slaClocks(
      String incidentId, boolean pause, String reason, String actor, String source, String scope) {
    if (pause && (reason == null || reason.isBlank())) {
      throw ApiException.badRequest("a pause needs a reason");
    }
    Fields.atMost("reason", reason, 500);
    return request(
        incidentId,
        pause ? EnvelopeTypes.SLA_PAUSE : EnvelopeTypes.SLA_RESUME,
        pause ? Map.of("reason", reason) : Map.of(),
        actor,
        source,
        scope);
  }

  private String request(
      String incidentId,
      String type,
      Map<String, String> fields,
      String actor,
      String source,
      String scope) {
    return request(EnvelopeIds.next(), incidentId, type, fields, actor, source, scope);
  }

  /**
   * As {@link #request(String, String, String, String, String)}, with the command's id chosen by
   * the caller, who can so wait for it (a Slack request answered once the command is applied).
   */
  public String request(
      String commandId,
      String incidentId,
      String type,
      Map<String, String> fields,
      String actor,
      String source,
      String scope) {
    if (!IncidentCommandWriter.isCommand(type)) {
      throw new IllegalArgumentException("not an incident command: " + type);
    }
    if (type.equals(EnvelopeTypes.PRIORITIZE)
        && !TriageDecision.PRIORITIES.contains(fields.get("priority"))) {
      throw ApiException.badRequest("priority must be P-0, P-1 or P-2");
    }
    IncidentQueries.Detail d =
        queries
            .get(scope, incidentId)
            .orElseThrow(() -> ApiException.notFound("no incident " + incidentId));
    if (d.incident().status() == IncidentStatus.RESOLVED) {
      throw new ApiException(409, "conflict", "incident " + incidentId + " is already resolved");
    }
    return writer.write(
        commandId, incidentId, d.incident().organizationId(), type, fields, actor, source);
  }
}
