package io.opsflow.config;

import java.nio.file.Path;
import java.util.List;

/** Collects {@code file:line: reason} problems of one configuration file. */
public final class Problems {
  private final Path file;
  private final List<String> sink;

  public Problems(Path file, List<String> sink) {
    this.file = file;
    this.sink = sink;
  }

  public void add(int line, String reason) {
    sink.add(file + ":" + line + ": " + reason);
  }

  public int count() {
    return sink.size();
  }

  public Path file() {
    return file;
  }
}
