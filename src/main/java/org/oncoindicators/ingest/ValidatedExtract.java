package org.oncoindicators.ingest;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A validated extract: the rows bronze keeps (typed), the rows quarantined (with reason code,
 * file, line and raw text), and the counts that must add up: {@code read = accepted + Σ quarantined}.
 */
public record ValidatedExtract(SourceContract contract, Dataset<Row> checked, Dataset<Row> accepted,
                               Dataset<Row> quarantine, long rowsRead, long rowsAccepted,
                               Map<String, Long> quarantinedByCode, List<String> extraColumns) {

  public long rowsQuarantined() {
    return quarantinedByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  public double quarantineShare() {
    return rowsRead == 0 ? 0 : (double) rowsQuarantined() / rowsRead;
  }

  public void release() {
    checked.unpersist();
  }
}
