package io.opsflow.slack;

import io.opsflow.access.Principal;
import io.opsflow.access.Users;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.User;
import io.opsflow.ticket.model.Role;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maps a Slack user to an opsflow user: first an opsflow user whose {@code slackUserId} it is (a
 * disabled one maps to nobody), else a person of the on-call directory ({@code users.yaml}) with
 * that {@code slack} id: an SRE of the operator, who acts on every organization.
 */
final class SlackUsers {
  private final Users users;
  private final Supplier<OnCallSnapshot> oncall;

  SlackUsers(Users users, Supplier<OnCallSnapshot> oncall) {
    this.users = users;
    this.oncall = oncall;
  }

  Optional<SlackUser> find(String slackUserId) {
    if (slackUserId == null || slackUserId.isBlank()) {
      return Optional.empty();
    }
    Optional<? extends io.opsflow.access.User> row = users.bySlackId(slackUserId);
    if (row.isPresent()) {
      return row.filter(io.opsflow.access.User::active).map(SlackUsers::of);
    }
    return oncall.get().users().values().stream()
        .filter(u -> slackUserId.equals(u.slack()))
        .findFirst()
        .map(SlackUsers::operatorSre);
  }

  private static SlackUser of(io.opsflow.access.User u) {
    Principal.Kind kind = u.role() == Role.ADMIN ? Principal.Kind.ADMIN : Principal.Kind.USER;
    Principal p = new Principal(null, kind, u.email(), u.organizationId(), u.role().wire(), u.id());
    return new SlackUser(p, "slack:" + u.email());
  }

  private static SlackUser operatorSre(User u) {
    Principal p = new Principal(null, Principal.Kind.USER, u.id(), null, Role.SRE.wire(), null);
    return new SlackUser(p, "slack:" + u.id());
  }
}
