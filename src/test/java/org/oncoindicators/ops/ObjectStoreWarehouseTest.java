package org.oncoindicators.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.WarehouseLocation;
import org.oncoindicators.ingest.ExtractError;
import org.oncoindicators.ingest.ExtractReader;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.SourceContract;
import org.oncoindicators.testing.S3Server;
import org.oncoindicators.testing.SparkTestBase;

/**
 * The warehouse and extracts on an object store (s3proxy, see {@link S3Server}): the run lock,
 * where Hadoop has no atomic create-if-absent (of two runs taking it at the same moment, one goes
 * on and the other is told), and extracts read from {@code s3a://} as from a local folder. The
 * nightly pipeline into an {@code s3a://} warehouse is run by {@link StandaloneClusterTest}.
 */
class ObjectStoreWarehouseTest extends SparkTestBase {
  @Test
  void ofTwoRunsTakingTheLockTogetherOneGoesOnAndTheOtherIsTold() throws Exception {
    Path bucket = S3Server.bucketFolder();
    WarehouseLocation w = new WarehouseLocation("s3a://" + S3Server.BUCKET + "/locked");
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Callable<Object> take = () -> {
        try {
          return WarehouseLock.acquire(w, hadoop);
        } catch (ConfigError e) {
          return e;
        }
      };
      List<WarehouseLock> held = new ArrayList<>();
      List<ConfigError> refused = new ArrayList<>();
      for (Future<Object> f : two.invokeAll(List.of(take, take))) {
        if (f.get() instanceof WarehouseLock l) {
          held.add(l);
        } else {
          refused.add((ConfigError) f.get());
        }
      }
      assertEquals(1, held.size(), "exactly one run holds the lock; refused: " + refused);
      assertTrue(refused.get(0).getMessage().contains("is in use by another run"), refused.get(0).getMessage());
      assertTrue(Files.isRegularFile(bucket.resolve("locked/_lock")), "the lock is an object in the bucket");
      held.get(0).close();
      assertFalse(Files.exists(bucket.resolve("locked/_lock")), "released at the end");
      WarehouseLock.acquire(w, hadoop).close();
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void anExtractOnTheStoreIsReadAsTheSameFileLocally() throws Exception {
    S3Server.bucketFolder();
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path("s3a://" + S3Server.BUCKET + "/extracts");
    FileSystem fs = folder.getFileSystem(hadoop);
    ExtractReader reader = new ExtractReader(spark());
    for (String name : List.of("registry.csv", "not-utf8.csv")) {
      Path local = resource("bad-input").resolve(name);
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path(folder, name));
      Dataset<Row> fromStore = reader.read(folder + "/" + name, SourceContract.REGISTRY).rows()
          .drop(RawExtract.SOURCE_FILE);
      Dataset<Row> fromDisk = reader.read(local.toString(), SourceContract.REGISTRY).rows().drop(RawExtract.SOURCE_FILE);
      assertEquals(40, fromStore.count(), name);
      assertEquals(0, fromStore.exceptAll(fromDisk).count() + fromDisk.exceptAll(fromStore).count(),
          name + ": same rows, line numbers and encoding flags from s3a:// as from the local file");
    }
    ExtractError missing = assertThrows(ExtractError.class,
        () -> reader.read(folder + "/absent.csv", SourceContract.REGISTRY));
    assertTrue(missing.getMessage().startsWith("s3a://onco/extracts/absent.csv: file not found"), missing.getMessage());
  }
}
