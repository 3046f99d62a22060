package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.config.DataDirLock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsflow start} refuses at once, before it touches anything, when its data dir is in use or
 * its HTTP port is taken: a second start must not corrupt the running instance's broker log. Each
 * case runs the real command in a child JVM.
 */
class StartGuardsTest {
  @TempDir Path data;

  @Test
  void aSecondStartOnADataDirInUseStopsAtOnceAndTouchesNothing() throws Exception {
    try (DataDirLock held = DataDirLock.acquire(data)) {
      Result r = start(Map.of("OPSFLOW_DATA_DIR", data.toString(), "OPSFLOW_HTTP_PORT", "0"));
      assertThat(r.code).isEqualTo(1);
      assertThat(r.err)
          .contains("opsflow start: data dir ")
          .contains("is in use by another opsflow");
      assertThat(r.err).contains("pid " + ProcessHandle.current().pid());
      assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(r.err.strip().lines()).hasSize(1);
      assertThat(names(data)).containsExactly(DataDirLock.FILE);
    }
  }

  @Test
  void aBusyHttpPortIsFoundBeforeStartUp() throws Exception {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress("0.0.0.0", 0));
      int port = busy.getLocalPort();
      Result r = start(Map.of("OPSFLOW_DATA_DIR", data.toString(), "OPSFLOW_HTTP_PORT", "" + port));
      assertThat(r.code).isEqualTo(1);
      assertThat(r.err).contains("opsflow start: HTTP port " + port + " is in use");
      assertThat(names(data)).doesNotContain("kafka", "db");
    }
  }

  @Test
  void theLockIsReleasedAtCloseAndRefusedWhileHeldInTheSameProcess() throws Exception {
    DataDirLock first = DataDirLock.acquire(data);
    assertThatThrownBy(() -> DataDirLock.acquire(data))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in use by another opsflow");
    first.close();
    DataDirLock.acquire(data).close();
  }

  private record Result(int code, String err) {}

  private static Result start(Map<String, String> env) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.opsflow.cli.Main",
                "start"));
    pb.environment().keySet().removeIf(k -> k.startsWith("OPSFLOW_"));
    pb.environment().putAll(env);
    pb.environment().put("OPSFLOW_CONFIG", "no-such-opsflow.yaml");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("opsflow start did not stop by itself");
    }
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), err);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString()).toList();
    }
  }
}
