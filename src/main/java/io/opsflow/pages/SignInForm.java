package io.opsflow.pages;

/** The two sign-in forms: email and password, or a user token. */
final class SignInForm {
  private SignInForm() {}

  static Html html(
      String action, String formToken, String next, String email, String error, String notice) {
    Html hidden =
        Html.of(
            "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                + "<input type=\"hidden\" name=\"next\" value=\"{}\">",
            formToken,
            next);
    Html body =
        Html.of(
            "{}{}<form method=\"post\" action=\"{}\" class=\"card\">{}<fieldset>"
                + "<legend>With your email address and password</legend>"
                + "<p><label for=\"email\">Email address</label>"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\""
                + " required value=\"{}\"></p>"
                + "<p><label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required></p></fieldset>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<form method=\"post\" action=\"{}\" class=\"card\">{}<fieldset>"
                + "<legend>Or with an API token</legend>"
                + "<p><label for=\"token\">User token</label>"
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\""
                + " required aria-describedby=\"token-help\"></p>"
                + "<p id=\"token-help\" class=\"help\">A user token from"
                + " <code>opsflow token create --kind user</code>.</p></fieldset>"
                + "<button type=\"submit\">Sign in with the token</button></form>",
            Layout.alert(error),
            notice == null ? Html.EMPTY : Layout.notice(notice),
            action,
            hidden,
            email,
            action,
            hidden);
    return body;
  }
}
