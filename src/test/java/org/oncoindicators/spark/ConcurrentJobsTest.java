package org.oncoindicators.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.ConfigError;

class ConcurrentJobsTest {

  @Test
  void resultsComeInTheOrderOfTheInputsWhateverOrderTheJobsFinishIn() {
    List<Integer> out = ConcurrentJobs.map(List.of(30, 0, 20, 10), 4, "sleeping", ms -> {
      sleep(ms);
      return ms * 2;
    });
    assertEquals(List.of(60, 0, 40, 20), out);
  }

  @Test
  void jobsRunAtTheSameTimeOnUpToTheGivenThreads() {
    CountDownLatch allStarted = new CountDownLatch(3);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Boolean> met = ConcurrentJobs.map(List.of(1, 2, 3), 3, "meeting", i -> {
      threads.add(Thread.currentThread().getName());
      allStarted.countDown();
      try {
        return allStarted.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals(List.of(true, true, true), met, "three jobs on three threads all met at the latch");
    assertEquals(3, threads.size());
  }

  @Test
  void aJobsRuntimeExceptionIsRethrownAsItIs() {
    ConfigError thrown = new ConfigError("indicator x: filter names no column");
    ConfigError seen = assertThrows(ConfigError.class, () -> ConcurrentJobs.map(List.of(1, 2), 2, "evaluating", i -> {
      if (i == 2) {
        throw thrown;
      }
      return i;
    }));
    assertSame(thrown, seen);
  }

  @Test
  void noItemsNoJobs() {
    assertTrue(ConcurrentJobs.map(List.<Integer>of(), 4, "nothing", i -> i).isEmpty());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
