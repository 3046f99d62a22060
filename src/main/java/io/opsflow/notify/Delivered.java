package io.opsflow.notify;

import io.opsflow.notify.model.EffectPlan;
import java.util.List;

/**
 * What delivering one effect gave: a result to keep on the row (a channel id, a message ts, a join
 * link), lines for the incident timeline, and effects it causes in turn.
 */
record Delivered(String result, List<String> timeline, EffectPlan followUps) {
  static Delivered quietly(String result) {
    return new Delivered(result, List.of(), EffectPlan.none());
  }

  static Delivered noted(String result, String line) {
    return new Delivered(result, List.of(line), EffectPlan.none());
  }
}
