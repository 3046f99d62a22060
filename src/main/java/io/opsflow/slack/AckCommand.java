package io.opsflow.slack;

import io.opsflow.incident.IncidentActions;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.EnvelopeIds;
import java.util.List;
import java.util.Map;

/**
 * {@code /opsflow ack [incident]}: acknowledges through {@code opsflow.commands}; the outcome is
 * posted once the command is applied.
 */
final class AckCommand implements SlashCommand {
  private final IncidentActions incidents;
  private final Targets targets;
  private final PendingReplies replies;

  AckCommand(IncidentActions incidents, Targets targets, PendingReplies replies) {
    this.incidents = incidents;
    this.targets = targets;
    this.replies = replies;
  }

  @Override
  public List<String> verbs() {
    return List.of("ack", "acknowledge");
  }

  @Override
  public String usage() {
    return "/opsflow ack [incident id]";
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    String incident = targets.incident(args, request);
    String commandId = EnvelopeIds.next();
    replies.publish(
        user,
        request,
        commandId,
        PendingReplies.INCIDENT_ACK,
        incident,
        () ->
            incidents.request(
                commandId,
                incident,
                EnvelopeTypes.ACKNOWLEDGE,
                Map.of(),
                user.actor(),
                SlackRoutes.COMMANDS,
                user.scope()));
    return "Acknowledging incident " + incident + ".";
  }
}
