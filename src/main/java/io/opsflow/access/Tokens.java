package io.opsflow.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks bearer tokens. Secrets are 256 random bits, shown once; only their SHA-256 is
 * stored and the stored digest is compared in constant time. Valid tokens are cached for a few
 * seconds so alert intake does not hit the database per request; revoking clears the cache.
 */
public final class Tokens {
  private static final long CACHE_MILLIS = 5_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenRepository repository;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Principal principal, long until) {}

  /** A freshly issued token: its stored row and the secret, which is never stored. */
  public record Issued(TokenRow row, String secret) {
    /** The id of the issued token. */
    public String id() {
      return row.id();
    }
  }

  public Tokens(TokenRepository repository) {
    this.repository = repository;
  }

  public Issued issue(Principal.Kind kind, String name, String organization, String role) {
    String secret = "of" + kind.wireName().charAt(0) + "_" + randomSecret();
    TokenRow row =
        repository.create(
            kind.wireName(), name, organization, role, hash(secret), secret.substring(0, 8));
    return new Issued(row, secret);
  }

  /** Stores an existing secret (the configured or generated admin token) if not yet known. */
  public void ensure(Principal.Kind kind, String name, String secret) {
    if (repository.findByHash(hash(secret)).isEmpty()) {
      repository.create(kind.wireName(), name, null, "admin", hash(secret), secret.substring(0, 4));
    }
  }

  public Optional<Principal> authenticate(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    String digest = hash(secret);
    Cached hit = cache.get(digest);
    long now = System.currentTimeMillis();
    if (hit != null && hit.until > now) {
      return Optional.of(hit.principal);
    }
    Optional<Principal> found =
        repository
            .findByHash(digest)
            .filter(row -> row.revokedAt() == null)
            .filter(
                row ->
                    MessageDigest.isEqual(
                        row.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII)))
            .map(Tokens::principal);
    found.ifPresentOrElse(
        p -> cache.put(digest, new Cached(p, now + CACHE_MILLIS)), () -> cache.remove(digest));
    return found;
  }

  /** Revoke in the caller's scope; takes effect for the next request. */
  public Optional<TokenRow> revoke(String id, String scope) {
    Optional<TokenRow> row = repository.revoke(id, scope);
    cache.clear();
    return row;
  }

  private static Principal principal(TokenRow row) {
    return new Principal(
        row.id(), Principal.Kind.parse(row.kind()), row.name(), row.organizationId(), row.role());
  }

  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 256 random bits, URL-safe. */
  public static String randomSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
