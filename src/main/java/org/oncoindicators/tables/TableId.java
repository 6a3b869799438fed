package org.oncoindicators.tables;

/**
 * Every Delta table of the warehouse, by layer and name, with how a run writes it. Table names are
 * spelled here only, so no stage can write to a misspelt table.
 */
public enum TableId {
  BRONZE_REGISTRY("bronze", "registry", WriteMode.MERGE_SNAPSHOT),
  BRONZE_CLAIMS("bronze", "claims", WriteMode.MERGE_SNAPSHOT),
  BRONZE_CENTERS("bronze", "centers", WriteMode.MERGE_SNAPSHOT),
  BRONZE_LIFE_TABLE("bronze", "life_table", WriteMode.MERGE_SNAPSHOT),
  BRONZE_QUARANTINE("bronze", "quarantine", WriteMode.REPLACE_RUN),
  SILVER_TUMOURS("silver", "tumours", WriteMode.OVERWRITE),
  SILVER_TREATMENT_EPISODES("silver", "treatment_episodes", WriteMode.OVERWRITE),
  SILVER_CARE_PATHS("silver", "care_paths", WriteMode.OVERWRITE),
  GOLD_SURVIVAL("gold", "survival", WriteMode.REPLACE_RUN),
  GOLD_REGISTRY_QUALITY("gold", "registry_quality", WriteMode.REPLACE_RUN),
  GOLD_SURVIVAL_CURVE("gold", "survival_curve", WriteMode.REPLACE_RUN),
  GOLD_INDICATORS("gold", "indicators", WriteMode.REPLACE_RUN),
  GOLD_MODEL_FIT("gold", "model_fit", WriteMode.REPLACE_RUN),
  GOLD_INDICATOR_CELLS("gold", "indicator_cells", WriteMode.REPLACE_RUN),
  GOLD_PATIENT_FLOWS("gold", "patient_flows", WriteMode.REPLACE_RUN),
  GOLD_CARE_NETWORK("gold", "care_network", WriteMode.REPLACE_RUN),
  GOLD_SPECIALISATION("gold", "specialisation", WriteMode.REPLACE_RUN),
  GOLD_OUTCOMES_BY_TRAVEL("gold", "outcomes_by_travel", WriteMode.REPLACE_RUN),
  GOLD_NETWORK_OUTCOMES("gold", "network_outcomes", WriteMode.REPLACE_RUN),
  GOLD_PUBLICATION("gold", "publication", WriteMode.REPLACE_RUN),
  OPS_DATA_QUALITY("ops", "data_quality", WriteMode.REPLACE_RUN),
  OPS_TERMINOLOGY_COVERAGE("ops", "terminology_coverage", WriteMode.REPLACE_RUN),
  OPS_RUNS("ops", "runs", WriteMode.LEDGER),
  OPS_DELETIONS("ops", "deletions", WriteMode.LEDGER);

  /**
   * MERGE_SNAPSHOT: the table mirrors the latest extract, changed rows updated by Delta MERGE;
   * REPLACE_RUN: the run's rows replaced atomically (replaceWhere run_id), other runs kept;
   * OVERWRITE: the table holds the latest run (earlier runs by time travel); LEDGER: rows merged by key.
   */
  public enum WriteMode { MERGE_SNAPSHOT, REPLACE_RUN, OVERWRITE, LEDGER }

  private final String layer;
  private final String table;
  private final WriteMode mode;

  TableId(String layer, String table, WriteMode mode) {
    this.layer = layer;
    this.table = table;
    this.mode = mode;
  }

  public String layer() {
    return layer;
  }

  public String table() {
    return table;
  }

  public WriteMode mode() {
    return mode;
  }

  /** The layer-qualified name used in SQL, e.g. {@code gold.survival}. */
  public String qualifiedName() {
    return layer + "." + table;
  }
}
