package io.opsflow.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" +
 * raw body))} in {@code X-Slack-Signature}, checked on the raw bytes, compared in constant time,
 * and refused when the timestamp is more than five minutes off in either direction (replays).
 */
public final class SlackSignature {
  static final long TOLERANCE_SECONDS = 300;

  private final byte[] secret;

  public SlackSignature(String signingSecret) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** Why a request is refused. */
  public static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  /** Returns normally when the request is Slack's; otherwise says why not. */
  public void verify(byte[] rawBody, String timestamp, String signature, Instant now)
      throws Refused {
    if (timestamp == null || signature == null) {
      throw new Refused("missing X-Slack-Request-Timestamp or X-Slack-Signature");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new Refused("X-Slack-Request-Timestamp is not a number");
    }
    if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE_SECONDS) {
      throw new Refused("request timestamp is more than 5 minutes off");
    }
    byte[] expected = sign(timestamp.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
      throw new Refused("signature does not match");
    }
  }

  /** The signature Slack would send for this body at this timestamp. */
  public String sign(String timestamp, byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
