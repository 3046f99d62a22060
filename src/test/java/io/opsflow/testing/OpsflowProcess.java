package io.opsflow.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code opsflow start} as a separate process with the embedded broker, as a user runs it, for
 * tests that kill it with SIGKILL ({@link #kill}) and start it again on the same data dir. On
 * PostgreSQL runs ({@link TestDatabase#postgres()}) it uses the test's database; otherwise the H2
 * file default.
 */
public final class OpsflowProcess implements AutoCloseable {
  private final Process process;
  private final ApiCalls api;

  private OpsflowProcess(Process process, int port) {
    this.process = process;
    this.api = new ApiCalls("http://127.0.0.1:" + port);
  }

  /**
   * Starts opsflow on {@code data} and {@code port} with {@code env} added to the defaults (and
   * over them: {@code OPSFLOW_INSTANCE_ID}, say).
   */
  public static OpsflowProcess start(
      Path data, int port, String admin, TestDatabase db, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.opsflow.cli.Main",
            "start");
    Map<String, String> all = new HashMap<>();
    all.put("OPSFLOW_DATA_DIR", data.toString());
    all.put("OPSFLOW_HTTP_PORT", Integer.toString(port));
    all.put("OPSFLOW_ADMIN_TOKEN", admin);
    all.put("OPSFLOW_INSTANCE_ID", "process-test");
    all.put("OPSFLOW_CONFIG", data.resolve("none.yaml").toString());
    if (TestDatabase.postgres()) {
      all.put("OPSFLOW_DB_URL", db.url());
      all.put("OPSFLOW_DB_USER", db.user());
    }
    all.putAll(env);
    pb.environment().putAll(all);
    Path log = Files.createTempFile(data, "opsflow-", ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new OpsflowProcess(pb.start(), port);
  }

  public ApiCalls api() {
    return api;
  }

  /**
   * Waits until {@code /health} answers 200 (at most 180 s: start-up is slow on a busy machine).
   */
  public OpsflowProcess awaitHealthy() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("opsflow exited with " + process.exitValue());
      }
      try {
        if (api.get("/health", null).status() == 200) {
          return this;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("opsflow not healthy within 180 s");
  }

  /** SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then waits for the clean stop. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
