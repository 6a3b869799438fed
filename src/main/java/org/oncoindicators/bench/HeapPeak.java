package org.oncoindicators.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap in use by the driver JVM between resets: the whole heap's used bytes sampled every
 * 100 ms by a daemon thread. (Summing the memory pools' own peaks over-counts — eden and the old
 * generation peak at different moments — and gave figures above -Xmx.)
 */
final class HeapPeak {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong();
  private static ScheduledExecutorService sampler;

  private HeapPeak() {}

  static synchronized void reset() {
    if (sampler == null) {
      sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-heap-sampler");
        t.setDaemon(true);
        return t;
      });
      sampler.scheduleAtFixedRate(HeapPeak::sample, 0, 100, TimeUnit.MILLISECONDS);
    }
    PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
  }

  static long bytes() {
    sample();
    return PEAK.get();
  }

  private static void sample() {
    PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
  }
}
