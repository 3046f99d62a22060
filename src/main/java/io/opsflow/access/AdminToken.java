package io.opsflow.access;

import io.opsflow.config.OpsflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The first admin's token: {@code OPSFLOW_ADMIN_TOKEN} when set, else generated once and kept in
 * {@code $OPSFLOW_DATA_DIR/admin-token} (mode 600). Only its hash reaches the database.
 */
public final class AdminToken {
  public static final String FILE = "admin-token";

  private AdminToken() {}

  /** Ensures the admin token is known; returns the file holding it, or null when configured. */
  public static Path bootstrap(OpsflowConfig config, Tokens tokens) {
    if (config.adminToken().isPresent()) {
      tokens.ensure(Principal.Kind.ADMIN, "admin", config.adminToken().get());
      return null;
    }
    Path file = config.dataDir().resolve(FILE);
    try {
      String secret;
      if (Files.isRegularFile(file)) {
        secret = Files.readString(file, StandardCharsets.UTF_8).trim();
      } else {
        secret = "ofa_" + Tokens.randomSecret();
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      }
      tokens.ensure(Principal.Kind.ADMIN, "admin", secret);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the admin token in " + file, e);
    }
  }

  /** Reads the admin token for the command line: the variable, else the data dir's file. */
  public static String read(OpsflowConfig config) {
    if (config.adminToken().isPresent()) {
      return config.adminToken().get();
    }
    Path file = config.dataDir().resolve(FILE);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no admin token: set OPSFLOW_ADMIN_TOKEN or start opsflow once to create " + file, e);
    }
  }
}
