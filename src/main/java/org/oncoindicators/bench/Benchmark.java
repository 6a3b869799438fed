package org.oncoindicators.bench;

import java.util.ArrayList;
import java.util.List;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.NightlyPipeline;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;

/**
 * Runs every stage of the pipeline (forced) on one data set and measures each: wall time, rows per
 * second per core, peak driver heap and shuffle bytes written.
 */
public final class Benchmark {
  private final StageContext context;
  private final ShuffleMeter shuffle = new ShuffleMeter();

  public Benchmark(StageContext context) {
    this.context = context;
    context.spark().sparkContext().addSparkListener(shuffle);
  }

  public List<StageMeasurement> runOnce(String scale, int repeat) {
    NightlyPipeline pipeline = new NightlyPipeline(context);
    int cores = context.spark().sparkContext().defaultParallelism();
    List<StageMeasurement> out = new ArrayList<>();
    for (Stage stage : NightlyPipeline.STAGES) {
      System.gc();
      HeapPeak.reset();
      shuffle.takeBytes();
      long t0 = System.nanoTime();
      StageResult r = pipeline.run(stage, true);
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.add(new StageMeasurement(scale, repeat, stage.name(), seconds, r.rowsIn(), r.rowsOut(), cores,
          HeapPeak.bytes(), shuffle.takeBytes()));
    }
    return out;
  }
}
