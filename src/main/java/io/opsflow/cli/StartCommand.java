package io.opsflow.cli;

import io.opsflow.App;
import io.opsflow.config.ConfigLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code opsflow start}: runs everything until SIGTERM or Ctrl-C, then stops cleanly. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Run opsflow: broker (unless external), database, engine, HTTP and consumers.")
final class StartCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException {
    App app = App.start(ConfigLoader.fromEnvironment());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "opsflow-shutdown"));
    stopped.await();
    return 0;
  }
}
