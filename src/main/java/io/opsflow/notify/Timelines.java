package io.opsflow.notify;

import io.opsflow.incident.model.TimelineEntry;
import org.hibernate.Session;

/**
 * Timelines other than the incidents': the lines of delivered effects whose subject is not an
 * incident (a ticket's mail) go there. The feature that owns such subjects implements it.
 */
public interface Timelines {
  /** Writes the line when its subject is this feature's; false when it is not. */
  boolean record(Session s, TimelineEntry line);

  /** No other timelines: every line is an incident's. */
  Timelines NONE = (s, line) -> false;
}
