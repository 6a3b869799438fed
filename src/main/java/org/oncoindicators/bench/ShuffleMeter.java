package org.oncoindicators.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts shuffle bytes written by finished tasks, so the benchmark can report them per stage. */
public final class ShuffleMeter extends SparkListener {
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      bytes.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
    }
  }

  /** Bytes written since the last call. */
  public long takeBytes() {
    return bytes.getAndSet(0);
  }
}
