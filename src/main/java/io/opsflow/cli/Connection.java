package io.opsflow.cli;

import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.web.AdminToken;
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

  ApiClient client() {
    OpsflowConfig config = ConfigLoader.fromEnvironment();
    String base = url != null ? url : "http://127.0.0.1:" + config.httpPort();
    return new ApiClient(base, token != null ? token : AdminToken.read(config));
  }
}
