package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How a registry tumour's codes are read, in one place for ingest and the silver cohort: the site
 * (ICD-10/KCD in any spelling, a legacy ICD-9-CM code, else the ICD-O-3 topography), its cancer
 * group (by site category, or by morphology for haematological cancers), and whether the
 * site–morphology combination is possible (IARC rules). Every table is a versioned file of
 * conf/reference, read before Spark starts.
 */
public final class TumourTerminology {
  private final CancerGroups groups;
  private final MorphologyGroups morphologyGroups;
  private final SiteMorphologyRules siteMorphology;
  private final Icd9cmCodes icd9cm;

  private TumourTerminology(CancerGroups groups, MorphologyGroups morphologyGroups, SiteMorphologyRules siteMorphology,
                            Icd9cmCodes icd9cm) {
    this.groups = groups;
    this.morphologyGroups = morphologyGroups;
    this.siteMorphology = siteMorphology;
    this.icd9cm = icd9cm;
  }

  public static TumourTerminology load(Path cancerGroups, Path morphologyGroups, Path siteMorphology, Path icd9cmGem) {
    CancerGroups groups = CancerGroups.load(cancerGroups);
    return new TumourTerminology(groups, MorphologyGroups.load(morphologyGroups, groups.groups()),
        SiteMorphologyRules.load(siteMorphology), Icd9cmCodes.load(icd9cmGem));
  }

  public CancerGroups cancerGroups() {
    return groups;
  }

  /** The canonical ICD-10 site: the ICD-10/KCD code, else its ICD-9-CM reading, else the ICD-O-3 topography. */
  public Column site(Column icd10, Column topography) {
    return coalesce(Icd10Codes.canonical(icd10), icd9cm.canonical(icd10), Icd10Codes.canonical(topography));
  }

  /**
   * Adds {@code cancer_group}: the group of the site's category, replaced by the haematological
   * group a malignant morphology names.
   */
  public Dataset<Row> assignGroups(Dataset<Row> in, Column category, Column morphology, SparkSession spark) {
    return groups.assign(in, category, spark).withColumn(CancerGroups.CANCER_GROUP,
        morphologyGroups.group(col(CancerGroups.CANCER_GROUP), morphology));
  }

  /** Whether the site category and morphology make an impossible combination. */
  public Column siteMorphologyBroken(Column category, Column morphology) {
    return siteMorphology.broken(category, morphology);
  }
}
