package org.oncoindicators.ops;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.trim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;

/**
 * Patients who withdrew consent, known by the SHA-256 of their pseudonym in {@code ops.deletions}
 * (the pseudonym itself is not kept): ingest drops their rows from every later extract, so a
 * registry that still delivers them cannot bring them back.
 */
public final class ConsentWithdrawals {
  public static final String PATIENT_KEY = "patient_key";
  private final Set<String> keys;

  private ConsentWithdrawals(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /** SHA-256 (hex) of the trimmed pseudonym, as Spark's {@code sha2(trim(id), 256)} computes it. */
  public static String key(String patientId) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(patientId.trim().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ConsentWithdrawals read(Warehouse warehouse) {
    Set<String> keys = new HashSet<>();
    if (warehouse.exists(TableId.OPS_DELETIONS)) {
      warehouse.read(TableId.OPS_DELETIONS).select(PATIENT_KEY).distinct().collectAsList()
          .forEach(r -> keys.add(r.getString(0)));
    }
    return new ConsentWithdrawals(keys);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Whether a row's patient_id belongs to a withdrawn patient (false for a missing id). */
  public Column withdrawn(Column patientId) {
    return keys.isEmpty() ? lit(false) : coalesce(sha2(trim(patientId), 256).isin(keys.toArray()), lit(false));
  }

  /** The rows of patients who did not withdraw. */
  public Dataset<Row> keep(Dataset<Row> rows) {
    return keys.isEmpty() ? rows : rows.filter(withdrawn(col("patient_id")).unary_$bang());
  }
}
