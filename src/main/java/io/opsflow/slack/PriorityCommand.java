package io.opsflow.slack;

import io.opsflow.incident.IncidentActions;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.EnvelopeIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /opsflow priority [incident] P-0|P-1|P-2}: a person's priority for the incident. */
final class PriorityCommand implements SlashCommand {
  private final IncidentActions incidents;
  private final Targets targets;
  private final PendingReplies replies;

  PriorityCommand(IncidentActions incidents, Targets targets, PendingReplies replies) {
    this.incidents = incidents;
    this.targets = targets;
    this.replies = replies;
  }

  @Override
  public List<String> verbs() {
    return List.of("priority");
  }

  @Override
  public String usage() {
    return "/opsflow priority [incident id] P-0|P-1|P-2";
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    if (args.isEmpty()) {
      throw SlashCommand.Refusal.usage("Which priority?");
    }
    List<String> rest = new ArrayList<>(args);
    String priority = rest.remove(rest.size() - 1).toUpperCase(Locale.ROOT);
    String incident = targets.incident(rest, request);
    String commandId = EnvelopeIds.next();
    replies.publish(
        user,
        request,
        commandId,
        PendingReplies.INCIDENT_PRIORITY,
        incident,
        () ->
            incidents.request(
                commandId,
                incident,
                EnvelopeTypes.PRIORITIZE,
                Map.of("priority", priority),
                user.actor(),
                SlackRoutes.COMMANDS,
                user.scope()));
    return "Setting incident " + incident + " to " + priority + ".";
  }
}
