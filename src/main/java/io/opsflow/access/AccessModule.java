package io.opsflow.access;

import io.javalin.config.RoutesConfig;
import io.opsflow.config.Platform;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.http.Routed;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Organizations, tokens, users, web sessions and the audit trail: the first admin token (kept in a
 * file when none was configured), the authenticator of every route, and the token and user routes.
 */
public final class AccessModule implements Routed {
  private final TokenRepository organizations;
  private final Tokens tokens;
  private final Authenticator auth;
  private final UserStore users;
  private final Audit audit;
  private final Path adminTokenFile;

  /** What access needs: the configuration (its admin token) and the database. */
  public record Parts(Platform platform) {}

  private AccessModule(Parts p) {
    Database db = p.platform().db();
    this.organizations = new TokenRepository(db);
    this.tokens = new Tokens(organizations);
    this.adminTokenFile = AdminToken.bootstrap(p.platform().config(), tokens);
    this.auth = new Authenticator(tokens);
    this.users = new UserStore(db);
    this.audit = new Audit(db);
  }

  public static AccessModule start(Parts p) {
    return new AccessModule(p);
  }

  public Authenticator auth() {
    return auth;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** Organizations and their integrations' tokens. */
  public TokenRepository organizations() {
    return organizations;
  }

  public UserStore users() {
    return users;
  }

  public Audit audit() {
    return audit;
  }

  /** The file the first admin token was written to, when opsflow made one. */
  public Optional<Path> adminTokenFile() {
    return Optional.ofNullable(adminTokenFile);
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(
        new TokenRoutes(auth, tokens, organizations, audit)::register,
        new UserRoutes(auth, users, audit)::register);
  }
}
