package org.oncoindicators.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.testing.SparkTestBase;

/** A life table given as qx, mx or daily hazard gives the same daily hazards; years and open age per the contract. */
class PopulationHazardsTest extends SparkTestBase {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("year", DataTypes.IntegerType, false),
      DataTypes.createStructField("age", DataTypes.IntegerType, false),
      DataTypes.createStructField("sex", DataTypes.StringType, false),
      DataTypes.createStructField("region", DataTypes.StringType, true),
      DataTypes.createStructField("mx", DataTypes.DoubleType, true),
      DataTypes.createStructField("qx", DataTypes.DoubleType, true),
      DataTypes.createStructField("haz_per_day", DataTypes.DoubleType, true)));

  /** Two years (2010, 2018), ages 0..2 (2 open-ended), with qx = 0.001·(age+1)·(year−2000)/10 and qx = 1 at the open age. */
  private static List<Row> table(String form) {
    List<Row> rows = new ArrayList<>();
    for (int year : new int[] {2010, 2018}) {
      for (String sex : new String[] {"M", "F"}) {
        for (int age = 0; age <= 2; age++) {
          double qx = age == 2 ? 1.0 : 0.001 * (age + 1) * (year - 2000) / 10.0;
          Double mx = qx >= 1 ? null : -Math.log1p(-qx);
          rows.add(switch (form) {
            case "qx" -> RowFactory.create(year, age, sex, null, null, qx, null);
            case "mx" -> RowFactory.create(year, age, sex, null, age == 2 ? -Math.log1p(-0.002 * (year - 2000) / 10.0) : mx, null, null);
            default -> RowFactory.create(year, age, sex, null, null, null, mx == null ? null : mx / 365.25);
          });
        }
      }
    }
    return spark().createDataFrame(rows, SCHEMA).collectAsList();
  }

  @Test
  void qxMxAndDailyHazardFormsAgree() {
    PopulationHazards.Table qx = PopulationHazards.fromRows(table("qx"), 365.25).forRegion(null);
    PopulationHazards.Table mx = PopulationHazards.fromRows(table("mx"), 365.25).forRegion(null);
    for (int year : new int[] {2010, 2018}) {
      for (int age = 0; age <= 1; age++) {
        double expected = -Math.log1p(-0.001 * (age + 1) * (year - 2000) / 10.0) / 365.25;
        assertEquals(expected, qx.hazard(0, qx.yearIndex(year), age), 1e-15);
        assertEquals(expected, mx.hazard(1, mx.yearIndex(year), age), 1e-15);
      }
    }
  }

  @Test
  void openAgeWithQxOfOneUsesTheAgeBelowAndOlderAgesUseTheOpenAge() {
    PopulationHazards.Table t = PopulationHazards.fromRows(table("qx"), 365.25).forRegion(null);
    int y = t.yearIndex(2018);
    assertEquals(t.hazard(0, y, 1), t.hazard(0, y, 2), 0.0);
    assertEquals(t.hazard(0, y, 2), t.hazard(0, y, 97), 0.0);
  }

  @Test
  void aTableYearAppliesUntilTheNextOneAndTheEdgesAreOpen() {
    PopulationHazards.Table t = PopulationHazards.fromRows(table("qx"), 365.25).forRegion(null);
    assertEquals(0, t.yearIndex(1995));
    assertEquals(0, t.yearIndex(2017));
    assertEquals(1, t.yearIndex(2018));
    assertEquals(1, t.yearIndex(2030));
  }

  @Test
  void aMissingCellIsNamed() {
    List<Row> rows = new ArrayList<>(table("qx"));
    rows.remove(0);
    ConfigError e = assertThrows(ConfigError.class, () -> PopulationHazards.fromRows(rows, 365.25));
    assertEquals(true, e.getMessage().contains("2010/M/0"), e.getMessage());
  }
}
