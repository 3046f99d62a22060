package io.opsflow.http;

import java.util.regex.Pattern;

/** A plausibility check of mail addresses: one {@code @}, a dot in the domain, no spaces. */
public final class Emails {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "^[^@\\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+$");

  private Emails() {}

  public static boolean valid(String s) {
    return s != null && s.length() <= 320 && ADDRESS.matcher(s.trim()).matches();
  }
}
