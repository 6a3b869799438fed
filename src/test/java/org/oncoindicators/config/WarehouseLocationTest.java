package org.oncoindicators.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarehouseLocationTest {
  @Test
  void aFolderIsResolvedAgainstTheBaseAndStaysAPlainPath() {
    WarehouseLocation w = WarehouseLocation.parse("runs/../wh", Path.of("/srv/onco"));
    assertTrue(w.isLocal());
    assertEquals("/srv/onco/wh", w.root());
    assertEquals("/srv/onco/wh/gold/survival", w.resolve("gold", "survival"));
    assertEquals(Path.of("/srv/onco/wh"), w.localPath().orElseThrow());
  }

  @Test
  void aFileUriIsALocalFolder() {
    WarehouseLocation w = WarehouseLocation.parse("file:///srv/onco/wh/", Path.of("/elsewhere"));
    assertTrue(w.isLocal());
    assertEquals("/srv/onco/wh", w.root());
  }

  @Test
  void otherSchemesAreKeptAsTheyAreWithoutTrailingSlash() {
    for (String uri : new String[] {"s3a://bucket/onco", "abfss://c@acct.dfs.core.windows.net/onco",
        "hdfs://namenode:8020/onco"}) {
      WarehouseLocation w = WarehouseLocation.parse(uri + "/", Path.of("/srv"));
      assertFalse(w.isLocal(), uri);
      assertEquals(uri, w.root());
      assertEquals(uri + "/ops/runs", w.resolve("ops", "runs"));
      assertTrue(w.localPath().isEmpty());
    }
  }
}
