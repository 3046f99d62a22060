package io.opsflow.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running opsflow per data dir: an exclusive lock on {@code <data dir>/.lock}, held until
 * close. A second start on the same dir stops at once, before it touches the broker's log or the
 * database files. The operating system drops the lock when the process dies, kill -9 included.
 */
public final class DataDirLock implements AutoCloseable {
  public static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code dir}, or throws {@link IllegalStateException} saying who holds it. */
  public static DataDirLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        channel.close();
        throw new IllegalStateException(
            "data dir "
                + dir.toAbsolutePath().normalize()
                + " is in use by another opsflow"
                + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; stop it first, or give this one its own OPSFLOW_DATA_DIR");
      }
      channel.truncate(0);
      channel.write(
          StandardCharsets.UTF_8.encode(
              "pid " + ProcessHandle.current().pid() + " since " + java.time.Instant.now()),
          0);
      channel.force(true);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock the data dir " + dir, e);
    }
  }

  private static void closeQuietly(FileChannel c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // nothing held
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
