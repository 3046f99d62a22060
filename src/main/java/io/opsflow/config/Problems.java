package io.opsflow.config;

import java.nio.file.Path;
import java.util.List;

/** Collects {@code file:line: reason} problems of one configuration file. */
final class Problems {
  private final Path file;
  private final List<String> sink;

  Problems(Path file, List<String> sink) {
    this.file = file;
    this.sink = sink;
  }

  void add(int line, String reason) {
    sink.add(file + ":" + line + ": " + reason);
  }

  int count() {
    return sink.size();
  }

  Path file() {
    return file;
  }
}
