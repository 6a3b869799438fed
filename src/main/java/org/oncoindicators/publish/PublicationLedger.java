package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * {@code gold.publication}: one row per published file of a run, with its SHA-256 and the
 * provenance it was made from, so a publication can be found, checked and reproduced later.
 */
public final class PublicationLedger {
  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("run_date", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("rows", DataTypes.LongType, true),
      DataTypes.createStructField("bytes", DataTypes.LongType, false),
      DataTypes.createStructField("sha256", DataTypes.StringType, false),
      DataTypes.createStructField("folder", DataTypes.StringType, false),
      DataTypes.createStructField("input_versions", DataTypes.StringType, false),
      DataTypes.createStructField("config_hash", DataTypes.StringType, false),
      DataTypes.createStructField("code_version", DataTypes.StringType, false),
      DataTypes.createStructField("min_patients", DataTypes.IntegerType, false),
      DataTypes.createStructField("min_events", DataTypes.IntegerType, false),
      DataTypes.createStructField("published_at", DataTypes.TimestampType, false)));

  /** A publication as recorded: its provenance, when it was made, and its files' checksums. */
  public record Entry(Provenance provenance, Instant publishedAt, String folder, Map<String, String> sha256) {}

  private PublicationLedger() {}

  public static void record(Warehouse warehouse, Provenance p, String folder, List<Publication.WrittenFile> files) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Publication.WrittenFile f : files) {
      rows.add(RowFactory.create(p.runId(), p.runDate(), f.file(), f.rows(), f.bytes(), f.sha256(), folder,
          p.inputVersionsJson(), p.configHash(), p.codeVersion(), p.suppression().minPatients(),
          p.suppression().minEvents(), now));
    }
    warehouse.replaceRun(TableId.GOLD_PUBLICATION, warehouse.spark().createDataFrame(rows, SCHEMA), p.runId());
  }

  /** The recorded publication of a run, or null when it was never published. */
  public static Entry find(Warehouse warehouse, String runId) {
    if (!warehouse.exists(TableId.GOLD_PUBLICATION)) {
      return null;
    }
    List<Row> rows = warehouse.read(TableId.GOLD_PUBLICATION).filter(col("run_id").equalTo(runId)).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    Row first = rows.get(0);
    Map<String, Long> versions;
    try {
      versions = new ObjectMapper().readValue(first.<String>getAs("input_versions"), new TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("gold.publication of run " + runId + " has unreadable input_versions", e);
    }
    Provenance p = new Provenance(runId, first.getAs("run_date"), new TreeMap<>(versions), first.getAs("config_hash"),
        first.getAs("code_version"), new SuppressionRule(first.getAs("min_patients"), first.getAs("min_events")));
    Map<String, String> sums = new TreeMap<>();
    for (Row r : rows) {
      sums.put(r.getAs("file"), r.getAs("sha256"));
    }
    return new Entry(p, first.<Timestamp>getAs("published_at").toInstant(), first.getAs("folder"), sums);
  }
}
