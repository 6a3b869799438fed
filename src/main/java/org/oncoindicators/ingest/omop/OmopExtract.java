package org.oncoindicators.ingest.omop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.SourceContract;

/** An OMOP CDM v5.4 export read as the pipeline's registry, claims and centres extracts (docs/omop.md). */
public final class OmopExtract {
  private final RawExtract registry;
  private final RawExtract claims;
  private final RawExtract centers;

  private OmopExtract(RawExtract registry, RawExtract claims, RawExtract centers) {
    this.registry = registry;
    this.claims = claims;
    this.centers = centers;
  }

  /** Reads the export with default settings; fails with an {@code ExtractError} naming the folder and a missing table or column. */
  public static OmopExtract read(SparkSession spark, String folder) {
    return read(spark, folder, OmopSettings.defaults());
  }

  public static OmopExtract read(SparkSession spark, String folder, OmopSettings settings) {
    Map<CdmTable, OmopTable> tables = new EnumMap<>(CdmTable.class);
    for (CdmTable t : CdmTable.values()) {
      OmopTable.read(spark, folder, t).ifPresent(table -> tables.put(t, table));
    }
    Optional<OmopTable> drug = Optional.ofNullable(tables.get(CdmTable.DRUG_EXPOSURE));
    OmopTable condition = tables.get(CdmTable.CONDITION_OCCURRENCE);
    OmopTable procedure = tables.get(CdmTable.PROCEDURE_OCCURRENCE);
    OmopTable careSite = tables.get(CdmTable.CARE_SITE);

    CareSites sites = new CareSites(careSite, tables.get(CdmTable.LOCATION), RegionNames.load(spark, settings.regionNames()));
    Dataset<Row> people = OmopPeople.of(tables.get(CdmTable.PERSON), sites);
    Dataset<Row> visits = OmopVisits.of(tables.get(CdmTable.VISIT_OCCURRENCE), sites);
    Dataset<Row> lastSeen = OmopFollowUp.lastSeen(tables.get(CdmTable.OBSERVATION_PERIOD),
        tables.get(CdmTable.VISIT_OCCURRENCE), condition, procedure, drug);

    Dataset<Row> registryRows = OmopRegistry.build(condition, people, visits,
        OmopFollowUp.deaths(tables.get(CdmTable.DEATH)), lastSeen, settings.daysPerYear());
    Dataset<Row> claimRows = OmopClaims.build(visits, condition, procedure, drug, people, settings.defaultProcedureSystem());
    return new OmopExtract(
        ContractRows.of(SourceContract.REGISTRY, registryRows, locations(tables, CdmTable.CONDITION_OCCURRENCE,
            CdmTable.PERSON, CdmTable.VISIT_OCCURRENCE, CdmTable.DEATH, CdmTable.OBSERVATION_PERIOD, CdmTable.PROCEDURE_OCCURRENCE,
            CdmTable.DRUG_EXPOSURE, CdmTable.CARE_SITE, CdmTable.LOCATION)),
        ContractRows.of(SourceContract.CLAIMS, claimRows, locations(tables, CdmTable.VISIT_OCCURRENCE,
            CdmTable.CONDITION_OCCURRENCE, CdmTable.PROCEDURE_OCCURRENCE, CdmTable.DRUG_EXPOSURE, CdmTable.PERSON,
            CdmTable.CARE_SITE)),
        ContractRows.of(SourceContract.CENTERS, OmopCenters.build(careSite, sites),
            locations(tables, CdmTable.CARE_SITE, CdmTable.LOCATION)));
  }

  /** One row per primary tumour: a person's first malignant condition per ICD-10 category. */
  public RawExtract registry() {
    return registry;
  }

  /** One line per visit, procedure and drug exposure. */
  public RawExtract claims() {
    return claims;
  }

  /** One row per care site. */
  public RawExtract centers() {
    return centers;
  }

  private static List<String> locations(Map<CdmTable, OmopTable> tables, CdmTable... used) {
    List<String> out = new ArrayList<>();
    for (CdmTable t : used) {
      if (tables.containsKey(t)) {
        out.add(tables.get(t).location());
      }
    }
    return out;
  }
}
