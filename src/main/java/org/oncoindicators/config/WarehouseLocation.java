package org.oncoindicators.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the warehouse lies: a local folder, or a Hadoop file-system URI such as
 * {@code s3a://bucket/prefix}, {@code abfss://container@account.dfs.core.windows.net/prefix} or
 * {@code hdfs://namenode/prefix}. Tables are addressed by strings that Spark and Delta hand to Hadoop's
 * {@code FileSystem}: an absolute path for a local warehouse (as before object stores were
 * supported, so paths with spaces keep working), the URI otherwise.
 *
 * @param root an absolute local path, or a URI with a scheme other than {@code file}
 */
public record WarehouseLocation(String root) {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  public WarehouseLocation {
    while (root.length() > 1 && root.endsWith("/") && !root.endsWith("://")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  /** A configured value: a URI with a scheme is taken as it is, anything else is a folder resolved against base. */
  public static WarehouseLocation parse(String configured, Path base) {
    if (hasScheme(configured)) {
      return configured.startsWith("file:") ? local(Path.of(URI.create(configured))) : new WarehouseLocation(configured);
    }
    return local(base.resolve(configured));
  }

  public static WarehouseLocation local(Path folder) {
    return new WarehouseLocation(folder.toAbsolutePath().normalize().toString());
  }

  /** Whether a configured value names a file-system URI rather than a local folder. */
  public static boolean hasScheme(String configured) {
    return SCHEME.matcher(configured).matches() || configured.startsWith("file:");
  }

  public boolean isLocal() {
    return !hasScheme(root);
  }

  /** The folder of a local warehouse; empty for an object store or HDFS. */
  public Optional<Path> localPath() {
    return isLocal() ? Optional.of(Path.of(root)) : Optional.empty();
  }

  /** A path below the warehouse root, e.g. {@code resolve("gold", "survival")}. */
  public String resolve(String... segments) {
    StringBuilder b = new StringBuilder(root);
    for (String s : segments) {
      b.append('/').append(s);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return root;
  }
}
