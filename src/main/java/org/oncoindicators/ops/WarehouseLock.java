package org.oncoindicators.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.WarehouseLocation;

/**
 * One writing run per warehouse: a lock file created at start and removed at the end. A second
 * run refuses with a message instead of interleaving its writes; a lock left by a run that died
 * on this host (its process is gone) is taken over.
 *
 * <p>In a local folder the lock is created atomically (create-if-absent). An object store has no
 * such call through Hadoop 3.4's S3A (it checks, then writes), so there the lock is written, left
 * to settle for {@link #SETTLE_MILLIS}, and read back: of two runs that both saw no lock, each
 * reads the last one written, so only one of them goes on (S3 reads its own writes consistently).
 * That holds when the two runs start less than the settle time apart from each other's check —
 * the case of a scheduler starting a run twice; it is not a distributed lock service.
 */
public final class WarehouseLock implements AutoCloseable {
  static final String FILE = "_lock";
  /** How long an object-store lock is left before it is read back (see the class comment). */
  static final long SETTLE_MILLIS = 2_000;

  private final Store store;
  private final String holder;

  private WarehouseLock(Store store, String holder) {
    this.store = store;
    this.holder = holder;
  }

  /** A lock on a local warehouse folder. */
  public static WarehouseLock acquire(Path warehouse) {
    return acquire(WarehouseLocation.local(warehouse), new Configuration());
  }

  /** @param hadoop the Hadoop settings that reach the warehouse's file system (unused for a local folder) */
  public static WarehouseLock acquire(WarehouseLocation warehouse, Configuration hadoop) {
    String me = ProcessHandle.current().pid() + " " + host() + " " + Instant.now() + " " + UUID.randomUUID();
    Store store = warehouse.localPath().<Store>map(p -> new LocalStore(p.resolve(FILE)))
        .orElseGet(() -> new FileSystemStore(new org.apache.hadoop.fs.Path(warehouse.resolve(FILE)), hadoop));
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        if (store.createIfAbsent(me)) {
          if (!store.confirm(me)) {
            throw inUse(warehouse, store, store.read());
          }
          return new WarehouseLock(store, me);
        }
        String holder = store.read();
        if (!holder.isEmpty() && !isStale(holder)) {
          throw inUse(warehouse, store, holder);
        }
        store.delete();
      }
      throw new ConfigError("warehouse " + warehouse + ": could not take the lock " + store);
    } catch (IOException e) {
      throw new ConfigError("warehouse " + warehouse + ": cannot create the lock file " + store + " ("
          + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigError("warehouse " + warehouse + ": interrupted while taking the lock " + store, e);
    }
  }

  private static ConfigError inUse(WarehouseLocation warehouse, Store store, String holder) {
    return new ConfigError("warehouse " + warehouse + " is in use by another run (pid host start token: " + holder
        + "); wait for it to finish, or remove " + store + " if that run is no longer alive");
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

  /** Removes the lock if it is still this run's. */
  @Override
  public void close() {
    try {
      if (store.read().equals(holder)) {
        store.delete();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove " + store, e);
    }
  }

  /** Where the lock lies and how it is created, read and removed. */
  private interface Store {
    /** Writes the holder line unless a lock exists; false when one does. */
    boolean createIfAbsent(String holder) throws IOException;

    /** Whether the lock still names this holder once concurrent writers have settled. */
    boolean confirm(String holder) throws IOException, InterruptedException;

    /** The holder line ("" when there is no lock). */
    String read() throws IOException;

    void delete() throws IOException;
  }

  /** A local folder: create-if-absent is atomic, nothing to confirm. */
  private record LocalStore(Path file) implements Store {
    @Override
    public boolean createIfAbsent(String holder) throws IOException {
      Files.createDirectories(file.getParent());
      try {
        Files.writeString(Files.createFile(file), holder, StandardCharsets.UTF_8);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    public boolean confirm(String holder) {
      return true;
    }

    @Override
    public String read() throws IOException {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
    }

    @Override
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
      return file.toString();
    }
  }

  /** Any Hadoop file system (s3a://, abfss://, hdfs://): written, settled, read back. */
  private static final class FileSystemStore implements Store {
    private final org.apache.hadoop.fs.Path file;
    private final FileSystem fs;

    FileSystemStore(org.apache.hadoop.fs.Path file, Configuration hadoop) {
      this.file = file;
      try {
        this.fs = file.getFileSystem(hadoop);
      } catch (IOException e) {
        throw new ConfigError("warehouse " + file.getParent() + ": no file system for it (" + e.getMessage()
            + "); check the scheme and the store's settings in spark.conf");
      }
    }

    @Override
    public boolean createIfAbsent(String holder) throws IOException {
      // overwrite=false: the file system refuses an existing lock (S3A checks, then writes on close)
      try (OutputStream out = fs.create(file, false)) {
        out.write(holder.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    public boolean confirm(String holder) throws IOException, InterruptedException {
      Thread.sleep(SETTLE_MILLIS);
      return holder.equals(readFully());
    }

    @Override
    public String read() throws IOException {
      return readFully();
    }

    private String readFully() throws IOException {
      try (InputStream in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      } catch (java.io.FileNotFoundException e) {
        return "";
      }
    }

    @Override
    public void delete() throws IOException {
      fs.delete(file, false);
    }

    @Override
    public String toString() {
      return file.toString();
    }
  }
}
