package io.opsflow.escalation.config;

import java.nio.file.Path;

/**
 * A refused piece of configuration: the file, the line (1-based; 0 when it concerns the whole file)
 * and the reason.
 */
public record ConfigProblem(Path file, int line, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
