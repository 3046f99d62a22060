package io.opsflow.notify.model;

import java.util.List;

/**
 * What a state change causes outside opsflow: the effects to write to the outbox, and timeline
 * lines for what will not happen (a capability that is not configured).
 */
public record EffectPlan(List<Effect> effects, List<String> notes) {
  public EffectPlan {
    effects = List.copyOf(effects);
    notes = List.copyOf(notes);
  }

  public static EffectPlan none() {
    return new EffectPlan(List.of(), List.of());
  }

  public boolean isEmpty() {
    return effects.isEmpty() && notes.isEmpty();
  }
}
