package io.opsflow.pages;

/**
 * The page shell shared by the portal and the console: language, title, stylesheet, a skip link,
 * the navigation with the sign-out form, and one {@code h1} per page.
 */
final class Layout {
  static final String STYLESHEET = "/portal/style.css";

  private Layout() {}

  /** A full page; {@code refreshSeconds} above 0 reloads it (no script needed). */
  static Html page(Viewer v, String title, Html main, int refreshSeconds) {
    return Html.of(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>{} · opsflow</title><link rel=\"stylesheet\" href=\"{}\">{}</head>"
            + "<body><a class=\"skip\" href=\"#main\">Skip to the content</a>{}"
            + "<main id=\"main\"><h1>{}</h1>{}</main></body></html>\n",
        title,
        STYLESHEET,
        Html.when(
            refreshSeconds > 0,
            Html.of("<meta http-equiv=\"refresh\" content=\"{}\">", refreshSeconds)),
        nav(v),
        title,
        main);
  }

  private static Html nav(Viewer v) {
    if (v == null) {
      return Html.of("<header><p class=\"brand\">opsflow</p></header>");
    }
    Html links =
        v.staff()
            ? Html.of("<li><a href=\"/console\">Queues</a></li>")
            : Html.of(
                "<li><a href=\"/portal\">My organization's tickets</a></li>"
                    + "<li><a href=\"/portal/new\">Open a ticket</a></li>");
    return Html.of(
        "<header><nav aria-label=\"Main\"><p class=\"brand\">opsflow {}</p><ul>{}</ul>"
            + "<form method=\"post\" action=\"{}/signout\" class=\"signout\">{}"
            + "<span>Signed in as {}</span> <button type=\"submit\">Sign out</button></form>"
            + "</nav></header>",
        v.staff() ? "console" : "portal",
        links,
        v.home(),
        csrf(v),
        v.displayName());
  }

  /** The hidden CSRF field every form of a signed-in page carries. */
  static Html csrf(Viewer v) {
    return Html.of("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", v.csrf());
  }

  /** An error or notice at the top of a page, announced by screen readers. */
  static Html alert(String message) {
    return message == null
        ? Html.EMPTY
        : Html.of("<p class=\"alert\" role=\"alert\">{}</p>", message);
  }

  static Html notice(String message) {
    return Html.of("<p class=\"notice\" role=\"status\">{}</p>", message);
  }

  /** A page for a refusal or an error, with a way back to {@code home}. */
  static Html error(Viewer v, int status, String message, String home) {
    String title =
        switch (status) {
          case 403 -> "Not allowed";
          case 404 -> "Page not found";
          case 405 -> "Method not allowed";
          case 413 -> "Too large";
          case 429 -> "Too many attempts";
          default -> status >= 500 ? "Something went wrong" : "Cannot do that";
        };
    return page(
        v,
        title,
        Html.of(
            "{}<p><a href=\"{}\">Back to the {}</a></p>",
            alert(message),
            home,
            home.equals("/console") ? "console" : "portal"),
        0);
  }
}
