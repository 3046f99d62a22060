package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Passwords;
import io.opsflow.access.Principal;
import io.opsflow.access.Tokens;
import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.db.Audit;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in with a mail address and password, or with a user API token, and sign-out. A wrong
 * password and an unknown address get the same answer after the same work (a hash is checked either
 * way); repeated failures for one address or one client are refused for a while (429 with {@code
 * Retry-After}), counted in the database by every instance alike. The form itself is protected by a
 * pre-session CSRF cookie.
 */
final class SignInPage {
  static final String FORM_COOKIE = "opsflow_signin";
  private static final String WRONG = "The email address or password is not right.";
  private static final String WRONG_TOKEN = "That token is unknown, revoked, or not a user token.";

  private final Web web;
  private final Users users;
  private final Tokens tokens;
  private final Audit audit;
  private final SignInThrottle perAddress;
  private final SignInThrottle perClient;
  private final String dummyHash = Passwords.hash(Tokens.randomSecret());

  SignInPage(
      Web web,
      Users users,
      Tokens tokens,
      Audit audit,
      SignInThrottle perAddress,
      SignInThrottle perClient) {
    this.web = web;
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.perAddress = perAddress;
    this.perClient = perClient;
  }

  void register(RoutesConfig routes) {
    for (String area : new String[] {"/portal", "/console"}) {
      routes.get(area + "/signin", web.page(this::show));
      routes.post(area + "/signin", web.page(this::signIn));
      routes.post(area + "/signout", web.page(this::signOut));
    }
  }

  private void show(Context ctx) {
    Optional<Viewer> v = web.sessions().current(ctx);
    if (v.isPresent()) {
      throw new Web.Redirect(v.get().home());
    }
    String notice = ctx.queryParam("signedout") != null ? "You are signed out." : null;
    render(ctx, 200, null, notice, "");
  }

  private void signIn(Context ctx) {
    Csrf.requireSame(ctx.formParam("csrf"), ctx.cookie(FORM_COOKIE));
    String client = SignInThrottle.client(ctx);
    String token = ctx.formParam("token");
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
    String address = Sessions.sha256(email.toLowerCase(Locale.ROOT));
    Duration wait = SignInThrottle.longest(perClient.wait(client), perAddress.wait(address));
    if (!wait.isZero()) {
      ctx.header("Retry-After", Long.toString(SignInThrottle.seconds(wait)));
      render(ctx, 429, SignInThrottle.tooMany(wait), null, email);
      return;
    }
    if (token != null) {
      Optional<Principal> p =
          tokens.authenticate(token.trim()).filter(x -> x.kind() == Principal.Kind.USER);
      if (p.isEmpty()) {
        perClient.failed(client);
        render(ctx, 401, WRONG_TOKEN, null, "");
        return;
      }
      web.sessions().begin(ctx, null, p.get().tokenId());
      audit.record(p.get().actor(), p.get().organizationId(), "session.start", null, "token");
      done(ctx, p.get().customer() ? "/portal" : "/console");
      return;
    }
    Optional<? extends User> user =
        email.isEmpty() ? Optional.empty() : users.byEmail(email).filter(User::active);
    String hash = user.map(User::passwordHash).orElse(null);
    boolean ok = Passwords.verify(ctx.formParam("password"), hash == null ? dummyHash : hash);
    if (!ok || hash == null) {
      perClient.failed(client);
      perAddress.failed(address);
      user.ifPresent(
          u -> audit.record("web:signin", u.organizationId(), "session.refused", u.id(), null));
      render(ctx, 401, WRONG, null, email);
      return;
    }
    perAddress.succeeded(address);
    User u = user.get();
    web.sessions().begin(ctx, u.id(), null);
    Principal p = Sessions.principal(u);
    audit.record(p.actor(), u.organizationId(), "session.start", u.id(), "password");
    done(ctx, p.customer() ? "/portal" : "/console");
  }

  private void signOut(Context ctx) {
    Viewer v = web.viewer(ctx);
    Csrf.check(ctx, v);
    web.sessions().end(ctx);
    audit.record(v.principal().actor(), v.principal().organizationId(), "session.end", null, null);
    throw new Web.Redirect(area(ctx) + "/signin?signedout=1");
  }

  private void done(Context ctx, String home) {
    ctx.cookie(web.sessions().cookie(FORM_COOKIE, "", 0));
    String next = ctx.formParam("next");
    boolean safe =
        next != null
            && next.startsWith(home)
            && !next.startsWith("//")
            && !next.contains("\\")
            && !next.contains("/sign");
    throw new Web.Redirect(safe ? next : home);
  }

  private void render(Context ctx, int status, String error, String notice, String email) {
    String formToken = ctx.cookie(FORM_COOKIE);
    if (formToken == null || formToken.length() != 43) {
      formToken = Tokens.randomSecret();
      ctx.cookie(web.sessions().cookie(FORM_COOKIE, formToken, -1));
    }
    String next = Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"));
    Html body =
        SignInForm.html(
            area(ctx) + "/signin", formToken, next == null ? "" : next, email, error, notice);
    Web.html(ctx, status, Layout.page(null, "Sign in", body, 0));
  }

  private static String area(Context ctx) {
    return Web.area(ctx);
  }
}
