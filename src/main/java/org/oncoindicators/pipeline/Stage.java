package org.oncoindicators.pipeline;

import java.util.List;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.tables.TableId;

/** One batch stage of the nightly pipeline: reads tables of the layer below, writes its own atomically. */
public interface Stage {
  /** The name used on the command line and in {@code ops.runs}. */
  String name();

  List<TableId> inputs();

  List<TableId> outputs();

  StageResult run(StageContext context);
}
