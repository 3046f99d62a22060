package io.opsflow.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: 32 random bytes, URL-safe base64, prefixed so they are easy to recognize. */
public final class WebhookSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  public static String generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
