package io.opsflow.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * What a command that failed prints: one line, {@code opsflow <command>: <what failed>}, never a
 * stack trace ({@code OPSFLOW_DEBUG=1} adds it, for a bug report). Exit code 1.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  /** A failure the command has put in words already: what failed, and what to do. */
  static final class CliException extends RuntimeException {
    CliException(String message) {
      super(message);
    }
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    err.println(cli.getCommandSpec().qualifiedName() + ": " + describe(e));
    if (System.getenv("OPSFLOW_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  static String describe(Throwable e) {
    if (e instanceof CliException
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException && e.getMessage() != null) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = e.getMessage() == null ? "failed" : e.getMessage();
    String why = root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
    return what + why + "; OPSFLOW_DEBUG=1 shows the details";
  }
}
