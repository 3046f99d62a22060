package io.opsflow.workflow;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reload of the workflows directory for {@link WorkflowRuntime}: lint first, deploy only when
 * every model passes, and put the engine's refusal in words.
 */
final class ModelReload {
  private static final Logger log = LoggerFactory.getLogger(WorkflowRuntime.class);

  private ModelReload() {}

  /** The reload's outcome; {@code deployed} stays the models when anything is refused. */
  static WorkflowRuntime.Reload run(
      ProcessEngine engine, Path workflows, List<EngineFactory.DeployedModel> deployed) {
    if (!java.nio.file.Files.isDirectory(workflows)) {
      return new WorkflowRuntime.Reload(
          List.of(workflows + ": not a directory (the packed copy is not reloaded)"), deployed);
    }
    List<String> problems =
        ModelLinter.forOpsflow().lint(workflows).stream().map(Object::toString).toList();
    if (!problems.isEmpty()) {
      return new WorkflowRuntime.Reload(problems, deployed);
    }
    try {
      return new WorkflowRuntime.Reload(List.of(), EngineFactory.deploy(engine, workflows));
    } catch (RuntimeException e) {
      log.warn("the engine refused the models of {}", workflows, e);
      return new WorkflowRuntime.Reload(
          List.of("the engine refused the models: " + engineReason(e)), deployed);
    }
  }

  /**
   * The engine's reason in words for the admin who edits the models (element, line, column), with
   * the Java class names it quotes taken out; the log has the exception.
   */
  static String engineReason(RuntimeException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    String words =
        m.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*", "")
            .replaceAll("\\s+", " ")
            .strip();
    return words.isEmpty() ? "see the log" : words;
  }
}
