package org.oncoindicators.testing;

import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.opentest4j.AssertionFailedError;

/**
 * The warehouse comparison the kill and cluster tests rely on fails, naming the table and its
 * differing rows, when one row is gone or one value changed (that it passes on identical tables,
 * those tests show).
 */
class ReferenceRunComparisonTest extends SparkTestBase {
  @Test
  void aMissingRowAndAChangedValueAreNamed() {
    Path copy = ReferenceRun.copy("onco-compare");
    Warehouse w = new Warehouse(spark(), copy);
    String survivalRow = "center_id = 'ALL' AND stratum = 'all' AND approach = 'cohort' "
        + "AND estimator = 'observed_km' AND horizon_years = 1 AND cancer_group = 'stomach'";
    DeltaTable.forPath(spark(), w.location(TableId.GOLD_SURVIVAL)).delete(survivalRow);
    DeltaTable.forPath(spark(), w.location(TableId.GOLD_INDICATORS))
        .update(expr("center_id = 'ALL' AND period = 'all' AND indicator_id = 'survival_5y_lung'"),
            Map.of("observed", expr("observed + 1")));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> ReferenceRun.assertSameTables(copy, "two planted changes"));
    // one row gone; each changed row counts twice (the old row on one side, the new on the other)
    assertTrue(e.getMessage().contains("{gold.indicators=") && e.getMessage().contains(", gold.survival=1}"),
        e.getMessage());
  }
}
