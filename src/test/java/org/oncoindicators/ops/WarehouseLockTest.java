package org.oncoindicators.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.config.ConfigError;

class WarehouseLockTest {
  @TempDir
  Path warehouse;

  @Test
  void aSecondRunOnTheSameWarehouseRefusesWithAMessage() {
    try (WarehouseLock first = WarehouseLock.acquire(warehouse)) {
      ConfigError e = assertThrows(ConfigError.class, () -> WarehouseLock.acquire(warehouse));
      assertTrue(e.getMessage().contains("in use by another run"), e.getMessage());
    }
    assertFalse(Files.exists(warehouse.resolve(WarehouseLock.FILE)), "released at the end");
    WarehouseLock.acquire(warehouse).close();
  }

  @Test
  void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws IOException {
    Files.writeString(warehouse.resolve(WarehouseLock.FILE),
        "999999999 " + InetAddress.getLocalHost().getHostName() + " 2026-01-01T00:00:00Z");
    WarehouseLock.acquire(warehouse).close();
  }
}
