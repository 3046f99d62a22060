package io.opsflow.cli;

import io.opsflow.App;
import io.opsflow.cli.bench.BenchApi;
import io.opsflow.cli.bench.BenchResult;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.fakes.FakeSlackServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The opsflow instance {@code bench} starts for a run when it is given no {@code --url}. */
final class EmbeddedBench {
  private EmbeddedBench() {}

  /**
   * Starts opsflow on a free port in a temporary directory, runs, stops it, deletes the dir. For
   * {@code first-slack-message} the instance posts to a local Slack server started for the run.
   */
  static BenchResult run(BenchCommand c, PrintWriter err) throws Exception {
    if (c.scenario.equals(BenchCommand.FIRST_SLACK_MESSAGE)) {
      try (FakeSlackServer slack = new FakeSlackServer()) {
        return run(c, slack, err);
      }
    }
    return run(c, null, err);
  }

  private static BenchResult run(BenchCommand c, FakeSlackServer slack, PrintWriter err)
      throws Exception {
    Path dir = Files.createTempDirectory("opsflow-bench");
    String admin = HexFormat.of().formatHex(BenchRunner.randomBytes(24));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPSFLOW_CONFIG", dir.resolve("none.yaml").toString());
    env.put("OPSFLOW_DATA_DIR", dir.toString());
    env.put("OPSFLOW_ADMIN_TOKEN", admin);
    env.put("OPSFLOW_HTTP_PORT", "0");
    for (String passed :
        new String[] {
          "OPSFLOW_HISTORY_LEVEL",
          "OPSFLOW_WORKFLOWS_DIR",
          "OPSFLOW_ALERT_CONSUMERS",
          "OPSFLOW_ONCALL_DIR"
        }) {
      if (System.getenv(passed) != null) {
        env.put(passed, System.getenv(passed));
      }
    }
    if (slack != null) {
      env.put("OPSFLOW_SLACK_BOT_TOKEN", slack.token());
      env.put(
          "OPSFLOW_SLACK_SIGNING_SECRET", HexFormat.of().formatHex(BenchRunner.randomBytes(16)));
      env.put("OPSFLOW_SLACK_API_URL", slack.url());
    }
    OpsflowConfig config = new ConfigLoader(env).load();
    try (App app = App.start(config)) {
      BenchApi api = new BenchApi("http://127.0.0.1:" + app.httpPort(), admin);
      return BenchRunner.run(c, api, app.kafkaBootstrap(), slack, err);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
