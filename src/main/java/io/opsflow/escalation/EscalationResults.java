package io.opsflow.escalation;

import io.opsflow.incident.model.EscalationDecision;
import java.time.Duration;
import java.time.Instant;

/**
 * An escalation step's decision as its step key keeps it: {@code stop}, or {@code continue <next
 * step> <epoch ms the next step is due>}. A retried step hands the engine the same next step, due
 * when the first run said, so a late retry does not push the rest of the policy back.
 */
public final class EscalationResults {
  private EscalationResults() {}

  public static String encode(EscalationDecision d, Instant decidedAt) {
    if (!d.continues()) {
      return "stop";
    }
    Instant due = decidedAt.plus(Duration.parse(d.delayBeforeNext()));
    return "continue " + d.nextStep() + " " + due.toEpochMilli();
  }

  public static EscalationDecision decode(String text, Instant now) {
    String[] parts = text.split(" ");
    if (parts.length != 3 || !parts[0].equals("continue")) {
      return EscalationDecision.stop();
    }
    Instant due = Instant.ofEpochMilli(Long.parseLong(parts[2]));
    return EscalationDecision.continueAfter(Duration.between(now, due), Integer.parseInt(parts[1]));
  }
}
