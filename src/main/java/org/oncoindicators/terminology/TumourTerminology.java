package org.oncoindicators.terminology;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
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
  /** The canonical ICD-10 site code {@link #decode} adds ({@code C16.9}). */
  public static final String SITE_CODE = "icd10_code";
  /** Its three-character category ({@code C16}). */
  public static final String SITE_CATEGORY = CancerGroups.CATEGORY;
  /** Whether site and morphology make an impossible combination. */
  public static final String SITE_MORPHOLOGY_BROKEN = "site_morphology_broken";
  /**
   * Up to this many distinct code triples are read on the driver and broadcast; more (only an
   * extract of junk codes has them) are joined by shuffle.
   */
  static final int BROADCAST_TRIPLES = 200_000;
  private static final String KEY = "_codes_";

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

  /**
   * Adds each row's reading of its codes: {@link #SITE_CODE}, {@link #SITE_CATEGORY},
   * {@code cancer_group} and {@link #SITE_MORPHOLOGY_BROKEN}, as {@link #site}, {@link #assignGroups}
   * and {@link #siteMorphologyBroken} define them. Each distinct (ICD-10, topography, morphology)
   * triple is read once and joined back, broadcast (the 1M bench registry has 1,614 triples). Why not per row: the regular expressions and range tests of a reading,
   * inlined into the projection of every row, made Spark's generated method too large for the JIT
   * to compile, and the whole validation pass ran interpreted.
   */
  public Dataset<Row> decode(Dataset<Row> in, String icd10, String topography, String morphology) {
    return decode(in, icd10, topography, morphology, BROADCAST_TRIPLES);
  }

  /** {@link #decode} with the broadcast limit given (tests take the shuffle path with a small one). */
  Dataset<Row> decode(Dataset<Row> in, String icd10, String topography, String morphology, int broadcastTriples) {
    SparkSession spark = in.sparkSession();
    Dataset<Row> triples = in.select(col(icd10).as(KEY + icd10), col(topography).as(KEY + topography),
        col(morphology).as(KEY + morphology)).distinct();
    Dataset<Row> sited = triples.withColumn(SITE_CODE, site(col(KEY + icd10), col(KEY + topography)))
        .withColumn(SITE_CATEGORY, Icd10Codes.category(col(SITE_CODE)));
    Dataset<Row> decoded = assignGroups(sited, col(SITE_CATEGORY), col(KEY + morphology), spark)
        .withColumn(SITE_MORPHOLOGY_BROKEN, siteMorphologyBroken(col(SITE_CATEGORY), col(KEY + morphology)));
    List<Row> few = decoded.limit(broadcastTriples + 1).collectAsList(); // codes, not patients
    Dataset<Row> lookup = few.size() <= broadcastTriples
        ? broadcast(spark.createDataFrame(few, decoded.schema())) : decoded;
    return in.join(lookup, in.col(icd10).eqNullSafe(lookup.col(KEY + icd10))
            .and(in.col(topography).eqNullSafe(lookup.col(KEY + topography)))
            .and(in.col(morphology).eqNullSafe(lookup.col(KEY + morphology))), "left")
        .drop(KEY + icd10, KEY + topography, KEY + morphology);
  }

  /** Whether the site category and morphology make an impossible combination. */
  public Column siteMorphologyBroken(Column category, Column morphology) {
    return siteMorphology.broken(category, morphology);
  }
}
