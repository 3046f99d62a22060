package io.opsflow.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Opsflow-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}, each v1 the
 * HMAC-SHA256 of {@code t + "." + body} with one secret. During a rotation the header carries one
 * v1 per secret in force (the new one first); a receiver accepts the request when any v1 matches.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  public static String header(long unixSeconds, byte[] body, List<String> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no secret to sign with");
    }
    StringBuilder h = new StringBuilder("t=").append(unixSeconds);
    for (String secret : secrets) {
      h.append(",v1=").append(hmacHex(secret, unixSeconds, body));
    }
    return h.toString();
  }

  /** Hex HMAC-SHA256 of {@code t + "." + body} with the secret. */
  public static String hmacHex(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
