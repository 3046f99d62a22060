package io.opsflow.web;

import io.opsflow.incident.IncidentStatus;
import io.opsflow.ingest.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.kafka.Topics;
import io.opsflow.store.IncidentQueries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Acknowledge and resolve requests, whoever makes them (the API, Slack): checked against the
 * incident in the caller's scope, then written to {@code opsflow.commands}.
 */
public final class IncidentActions {
  private final IncidentQueries queries;
  private final Publisher publisher;

  public IncidentActions(IncidentQueries queries, Publisher publisher) {
    this.queries = queries;
    this.publisher = publisher;
  }

  /**
   * Requests an action; returns the command's id.
   *
   * @param type {@link EnvelopeTypes#ACKNOWLEDGE} or {@link EnvelopeTypes#RESOLVE}
   * @param scope the caller's organization, or null for every organization
   * @throws ApiException 404 when there is no such incident in scope, 409 when it is resolved
   */
  public String request(String incidentId, String type, String actor, String source, String scope) {
    IncidentQueries.Detail d =
        queries
            .get(scope, incidentId)
            .orElseThrow(() -> ApiException.notFound("no incident " + incidentId));
    if (d.incident().status() == IncidentStatus.RESOLVED) {
      throw new ApiException(409, "conflict", "incident " + incidentId + " is already resolved");
    }
    CloudEvent command =
        new CloudEvent(
            EnvelopeIds.next(),
            source,
            type,
            Instant.now(),
            incidentId,
            Map.of(
                EnvelopeTypes.ACTOR,
                actor,
                EnvelopeTypes.ORGANIZATION,
                d.incident().organizationId()),
            ("{\"incidentId\":\"" + incidentId + "\"}").getBytes(StandardCharsets.UTF_8));
    publisher.publish(Topics.COMMANDS, incidentId, command);
    return command.id();
  }
}
