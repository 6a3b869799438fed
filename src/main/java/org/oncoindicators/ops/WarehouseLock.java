package org.oncoindicators.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.oncoindicators.config.ConfigError;

/**
 * One writing run per warehouse: a lock file created atomically at start and removed at the end.
 * A second run refuses with a message instead of interleaving its writes; a lock left by a run that
 * died on this host (its process is gone) is taken over.
 */
public final class WarehouseLock implements AutoCloseable {
  static final String FILE = "_lock";

  private final Path file;

  private WarehouseLock(Path file) {
    this.file = file;
  }

  public static WarehouseLock acquire(Path warehouse) {
    Path file = warehouse.resolve(FILE);
    String me = ProcessHandle.current().pid() + " " + host() + " " + Instant.now();
    try {
      Files.createDirectories(warehouse);
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          Files.writeString(Files.createFile(file), me, StandardCharsets.UTF_8);
          return new WarehouseLock(file);
        } catch (FileAlreadyExistsException e) {
          String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
          if (!isStale(holder)) {
            throw new ConfigError("warehouse " + warehouse + " is in use by another run (pid host start: " + holder
                + "); wait for it to finish, or remove " + file + " if that run is no longer alive");
          }
          Files.deleteIfExists(file);
        }
      }
      throw new ConfigError("warehouse " + warehouse + ": could not take the lock " + file);
    } catch (IOException e) {
      throw new ConfigError("warehouse " + warehouse + ": cannot create the lock file (" + e.getMessage() + ")", e);
    }
  }

  /** A lock is stale when it was taken on this host by a process that no longer exists. */
  static boolean isStale(String holder) {
    String[] parts = holder.split(" ");
    if (parts.length < 2 || !parts[1].equals(host())) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(parts[0])).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove " + file, e);
    }
  }
}
