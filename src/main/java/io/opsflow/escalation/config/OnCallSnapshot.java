package io.opsflow.escalation.config;

import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.OnCallDirectory;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.escalation.model.User;
import io.opsflow.service.ServiceCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One complete, consistent on-call configuration: users and schedules by id, policies and services
 * in file order, and when it was loaded. Immutable; a reload replaces the whole snapshot or
 * nothing.
 */
public record OnCallSnapshot(
    Map<String, User> users,
    Map<String, Schedule> schedules,
    List<EscalationPolicy> policies,
    ServiceCatalogue services,
    Instant loadedAt) {

  public OnCallSnapshot {
    services = Objects.requireNonNullElse(services, ServiceCatalogue.empty());
    users = Map.copyOf(users);
    schedules = Map.copyOf(schedules);
    policies = List.copyOf(policies);
  }

  public static OnCallSnapshot empty(Instant at) {
    return new OnCallSnapshot(Map.of(), Map.of(), List.of(), ServiceCatalogue.empty(), at);
  }

  public OnCallDirectory directory() {
    return new OnCallDirectory(users.values(), schedules);
  }
}
