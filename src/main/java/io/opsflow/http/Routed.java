package io.opsflow.http;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.Consumer;

/** A module with routes: the sets it registers on the server. */
public interface Routed {
  List<Consumer<RoutesConfig>> routes();
}
