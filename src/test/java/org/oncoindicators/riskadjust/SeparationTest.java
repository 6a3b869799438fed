package org.oncoindicators.riskadjust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.testing.SparkTestBase;

/** Which levels {@link Separation} fits out of a national table, and which it must leave in. */
class SeparationTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType().add("stage", DataTypes.StringType)
      .add("sex", DataTypes.StringType).add("n", DataTypes.DoubleType).add("o", DataTypes.DoubleType);
  private static final List<Covariate> COVARIATES = List.of(Covariate.categorical("stage"),
      Covariate.categorical("sex"));

  /** A national table of (stage, sex, units, events) rows. */
  private static CountTable table(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return CountTable.collect(spark().createDataFrame(list, SCHEMA));
  }

  @Test
  void levelsWithoutEventsOrWithOnlyEventsAreFittedOutAtTheirLimits() {
    CountTable t = table(new Object[] {"localized", "M", 50.0, 5.0}, new Object[] {"localized", "F", 40.0, 3.0},
        new Object[] {"distant", "M", 20.0, 8.0}, new Object[] {"distant", "F", 10.0, 6.0},
        new Object[] {"unknown", "M", 4.0, 0.0}, new Object[] {"unknown", "F", 3.0, 0.0},
        new Object[] {"in_situ", "F", 2.0, 2.0});
    List<Separation.Level> levels = List.of(new Separation.Level("stage", "in_situ", 1),
        new Separation.Level("stage", "unknown", 0));
    assertEquals(levels, Separation.find(t, Glm.Family.BINOMIAL, "o", "n", COVARIATES), "in covariate, then level order");
    CountTable reversed = table(new Object[] {"in_situ", "F", 2.0, 2.0}, new Object[] {"unknown", "F", 3.0, 0.0},
        new Object[] {"unknown", "M", 4.0, 0.0}, new Object[] {"distant", "F", 10.0, 6.0},
        new Object[] {"distant", "M", 20.0, 8.0}, new Object[] {"localized", "F", 40.0, 3.0},
        new Object[] {"localized", "M", 50.0, 5.0});
    assertEquals(levels, Separation.find(reversed, Glm.Family.BINOMIAL, "o", "n", COVARIATES),
        "whatever the order of the national rows (a cluster collects them in another)");
    assertEquals(List.of(new Separation.Level("stage", "unknown", 0)),
        Separation.find(t, Glm.Family.POISSON, "o", "n", COVARIATES), "a Poisson level is separated by no events only");
  }

  @Test
  void fittingOutALevelCanSeparateAnotherWhichIsThenFittedOutToo() {
    // Women's only events are in distant stage: once distant is fitted out (only events), F has none.
    CountTable t = table(new Object[] {"localized", "M", 50.0, 5.0}, new Object[] {"localized", "F", 40.0, 0.0},
        new Object[] {"distant", "M", 20.0, 20.0}, new Object[] {"distant", "F", 10.0, 10.0});
    assertEquals(List.of(new Separation.Level("stage", "distant", 1), new Separation.Level("sex", "F", 0)),
        Separation.find(t, Glm.Family.BINOMIAL, "o", "n", COVARIATES));
  }

  @Test
  void aFixedReferenceAndACompletelySeparatedTableAreLeftToIrls() {
    CountTable t = table(new Object[] {"localized", "M", 50.0, 0.0}, new Object[] {"distant", "M", 20.0, 4.0},
        new Object[] {"regional", "F", 30.0, 3.0});
    List<Covariate> fixed = List.of(new Covariate("stage", true, "localized"), Covariate.categorical("sex"));
    assertEquals(List.of(), Separation.find(t, Glm.Family.POISSON, "o", "n", fixed),
        "the fixed reference (a survival model's first interval) stays");
    CountTable complete = table(new Object[] {"localized", "M", 50.0, 0.0}, new Object[] {"distant", "F", 20.0, 20.0});
    assertEquals(List.of(), Separation.find(complete, Glm.Family.BINOMIAL, "o", "n", COVARIATES),
        "nothing would be left to fit");
  }
}
