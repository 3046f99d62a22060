package io.opsflow.uptime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code maintenance.yaml} ({@code windows:}) and {@code checks.yaml} ({@code checks:}) of
 * the SLA directory. A file with problems contributes nothing; each problem is {@code file:line:
 * reason}. A missing file is no problem.
 */
public final class SlaFiles {
  private SlaFiles() {}

  /** What a file gave, and what was wrong with it. */
  public record Loaded<T>(List<T> items, List<String> problems) {}

  public static Loaded<MaintenanceWindow> maintenance(Path dir, Instant loadedAt) {
    Path file = dir.resolve("maintenance.yaml");
    return read(
        file, "windows", (node, problems) -> SlaFileEntries.window(file, node, problems, loadedAt));
  }

  public static Loaded<CheckDefinition> checks(Path dir) {
    Path file = dir.resolve("checks.yaml");
    return read(file, "checks", (node, problems) -> SlaFileEntries.check(file, node, problems));
  }

  private interface Binder<T> {
    T bind(SlaYaml node, List<String> problems);
  }

  private static <T> Loaded<T> read(Path file, String listKey, Binder<T> binder) {
    List<String> problems = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Loaded<>(List.of(), problems);
    }
    SlaYaml root;
    try {
      root = SlaYaml.read(file);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return new Loaded<>(List.of(), List.of(file + ":" + line + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      return new Loaded<>(List.of(), List.of(file + ":0: cannot read: " + e.getMessage()));
    }
    if (root == null
        || (root.fields != null
            && root.fields.get(listKey) != null
            && root.fields.get(listKey).text == null
            && root.fields.get(listKey).items == null
            && root.fields.get(listKey).fields == null)) {
      return new Loaded<>(List.of(), problems);
    }
    if (root.fields == null
        || root.fields.get(listKey) == null
        || root.fields.get(listKey).items == null) {
      problems.add(
          file
              + ":"
              + (root == null ? 0 : root.line)
              + ": expected a list under '"
              + listKey
              + ":'");
      return new Loaded<>(List.of(), problems);
    }
    List<T> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (SlaYaml item : root.fields.get(listKey).items) {
      if (item.fields == null) {
        problems.add(file + ":" + item.line + ": each entry must be a mapping");
        continue;
      }
      T bound = binder.bind(item, problems);
      String id = item.text("id");
      if (id != null && !ids.add(id)) {
        problems.add(file + ":" + item.lineOf("id") + ": id '" + id + "' appears twice");
      }
      if (bound != null) {
        out.add(bound);
      }
    }
    return problems.isEmpty()
        ? new Loaded<>(List.copyOf(out), problems)
        : new Loaded<>(List.of(), problems);
  }
}
