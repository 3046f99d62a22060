package io.opsflow.cli;

import io.opsflow.access.TokenRepository;
import io.opsflow.config.OpsflowConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The integration tokens the command line created for itself, one per organization, in {@code <data
 * dir>/cli/send-alert-<organization>.token} (mode 600), so repeated calls reuse one token.
 */
final class KeptTokens {
  private final Path dir;

  private KeptTokens(Path dir) {
    this.dir = dir;
  }

  static KeptTokens of(OpsflowConfig config) {
    return new KeptTokens(config.dataDir().resolve("cli"));
  }

  Optional<String> read(String organization) throws IOException {
    Path file = file(organization);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Keeps {@code token} for the organization, replacing an older one; returns the file. */
  String write(String organization, String token) {
    Path file = file(organization);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "token", ".tmp");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file.toString();
    } catch (IOException e) {
      throw new Failures.CliException(
          "cannot keep the new token in "
              + file
              + " ("
              + e.getMessage()
              + "); pass it with"
              + " --routing-key instead");
    }
  }

  /** One file per organization id (the slug opsflow makes of the name). */
  private Path file(String organization) {
    return dir.resolve("send-alert-" + TokenRepository.slug(organization) + ".token");
  }
}
