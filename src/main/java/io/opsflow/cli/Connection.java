package io.opsflow.cli;

import io.opsflow.access.AdminToken;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to a running opsflow. */
final class Connection {
  @Option(
      names = "--url",
      description = "opsflow's base URL (default http://127.0.0.1:$OPSFLOW_HTTP_PORT)")
  String url;

  @Option(
      names = "--token",
      description =
          "bearer token (default: OPSFLOW_ADMIN_TOKEN, else $OPSFLOW_DATA_DIR/admin-token)")
  String token;

  @Option(
      names = "--data-dir",
      description =
          "the instance's data dir: its admin-token, the tokens the CLI keeps"
              + " (default: OPSFLOW_DATA_DIR, else ./data)")
  java.nio.file.Path dataDir;

  OpsflowConfig config() {
    OpsflowConfig config = ConfigLoader.fromEnvironment();
    return dataDir == null ? config : config.withDataDir(dataDir);
  }

  String baseUrl() {
    return url != null ? url : "http://127.0.0.1:" + config().httpPort();
  }

  /** A client with the admin token ({@code --token}, else the configured one). */
  ApiClient client() {
    return new ApiClient(baseUrl(), token != null ? token : AdminToken.read(config()));
  }
}
