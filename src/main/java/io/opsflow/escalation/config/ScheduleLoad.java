package io.opsflow.escalation.config;

import io.opsflow.escalation.model.Schedule;
import java.util.List;

/** The outcome of reading schedule files: every schedule, or (never both) the problems. */
public record ScheduleLoad(List<Schedule> schedules, List<ConfigProblem> problems) {
  public ScheduleLoad {
    schedules = problems.isEmpty() ? List.copyOf(schedules) : List.of();
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
