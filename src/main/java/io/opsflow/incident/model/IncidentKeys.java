package io.opsflow.incident.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How an incident is keyed and titled when it opens. */
public final class IncidentKeys {
  private IncidentKeys() {}

  /** The identity an open incident is found by: a digest of integration id and alert key. */
  public static String openKey(String integrationId, String alertKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(integrationId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(alertKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
