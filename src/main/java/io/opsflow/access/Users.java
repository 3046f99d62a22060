package io.opsflow.access;

import java.util.List;
import java.util.Optional;

/** How the other features find people: by id, mail address or Slack user, and the staff. */
public interface Users {
  Optional<? extends User> byId(String id);

  Optional<? extends User> byEmail(String email);

  Optional<? extends User> bySlackId(String slackUserId);

  /** SREs and admins who may be assigned tickets of the organization. */
  List<? extends User> staffFor(String organizationId);
}
