package io.opsflow.cli;

import io.opsflow.workflow.ModelLinter;
import io.opsflow.workflow.WorkflowFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsflow workflows validate}: lints the models that {@code start} would deploy. */
@Command(
    name = "workflows",
    mixinStandardHelpOptions = true,
    description = "Work with the BPMN/DMN models.",
    subcommands = {WorkflowsCommand.Validate.class})
final class WorkflowsCommand {

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Check every model: executable, history TTL, readable ids, known delegates.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--dir",
        description = "models directory (default $OPSFLOW_WORKFLOWS_DIR, else ./workflows)")
    Path dir;

    @Override
    public Integer call() {
      Path d = dir;
      if (d == null) {
        String env = System.getenv("OPSFLOW_WORKFLOWS_DIR");
        d = Path.of(env == null || env.isBlank() ? "workflows" : env);
      }
      List<WorkflowFiles.WorkflowFile> files = WorkflowFiles.load(d);
      List<ModelLinter.Problem> problems = ModelLinter.forOpsflow().lint(files);
      PrintWriter out = spec.commandLine().getOut();
      files.forEach(f -> out.println("checked " + f.name()));
      problems.forEach(p -> spec.commandLine().getErr().println(p));
      out.println(
          problems.isEmpty()
              ? files.size() + " models valid"
              : problems.size() + " problems in " + files.size() + " models");
      out.flush();
      spec.commandLine().getErr().flush();
      return problems.isEmpty() ? 0 : 1;
    }
  }
}
