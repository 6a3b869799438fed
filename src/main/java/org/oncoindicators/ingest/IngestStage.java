package org.oncoindicators.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.ops.ConsentWithdrawals;
import org.oncoindicators.ops.DataQuality;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.terminology.TerminologyCoverage;

/**
 * Bronze: reads the extracts, applies the row rules, and — only when every extract passed its
 * file-level checks and quarantine thresholds — writes the bronze tables, the quarantine and the
 * data-quality counts. A failing extract leaves every table as it was.
 */
public final class IngestStage implements Stage {
  /** ops.data_quality reason of rows dropped because their patient withdrew consent. */
  public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.OPS_DELETIONS);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.BRONZE_CENTERS, TableId.BRONZE_REGISTRY, TableId.BRONZE_CLAIMS, TableId.BRONZE_LIFE_TABLE,
        TableId.BRONZE_QUARANTINE, TableId.OPS_DATA_QUALITY, TableId.OPS_TERMINOLOGY_COVERAGE);
  }

  @Override
  public StageResult run(StageContext ctx) {
    Sources reader = new Sources(ctx);
    RowValidator validator = new RowValidator(ctx.config().ingest().maxFieldLength());
    String runId = ctx.run().runId();

    RawExtract centersRaw = read(reader, ctx, SourceContract.CENTERS, true).orElseThrow();
    ValidatedExtract centers = guarded(validator.validate(centersRaw, new CentersRules(), runId));
    ConsentWithdrawals withdrawals = ConsentWithdrawals.read(ctx.warehouse());
    Map<String, Long> withdrawn = new LinkedHashMap<>();
    RawExtract registryRaw = dropWithdrawn(read(reader, ctx, SourceContract.REGISTRY, true).orElseThrow(), withdrawals,
        withdrawn);
    RegistryRules registryRules = new RegistryRules(ctx.run().closingDate(), ctx.terminology());
    ValidatedExtract registry = guarded(validator.validate(registryRaw.withRows(registryRules.prepare(registryRaw.rows(),
        centers.accepted())), registryRules, runId));
    Optional<ValidatedExtract> claims = read(reader, ctx, SourceContract.CLAIMS, false)
        .map(raw -> dropWithdrawn(raw, withdrawals, withdrawn)).map(raw -> {
      ClaimsRules rules = new ClaimsRules();
      return guarded(validator.validate(raw.withRows(rules.prepare(raw.rows(), centers.accepted())), rules, runId));
    });
    Optional<ValidatedExtract> lifeTable = read(reader, ctx, SourceContract.LIFE_TABLE, false)
        .map(raw -> guarded(validator.validate(raw, new LifeTableRules(), runId)));

    List<ValidatedExtract> all = new ArrayList<>(List.of(centers, registry));
    claims.ifPresent(all::add);
    lifeTable.ifPresent(all::add);
    DataQuality quality = new DataQuality(runId);
    for (ValidatedExtract v : all) {
      enforceThreshold(v, ctx.config().ingest().maxShareFor(v.contract().source()), reader.location(v.contract()));
      count(v, quality);
    }
    quality.add("registry", ReasonCode.DCO_OR_AUTOPSY.name(), DataQuality.Outcome.kept_excluded,
        registry.accepted().filter(RegistryRules.isDcoOrAutopsy(col("basis_of_diagnosis"))).count());
    withdrawn.forEach((source, rows) -> quality.add(source, CONSENT_WITHDRAWN, DataQuality.Outcome.withdrawn, rows));
    claims.ifPresent(c -> quality.add("claims", ReasonCode.CLAIM_UNKNOWN_PATIENT.name(),
        DataQuality.Outcome.kept_unused, unknownPatients(c.accepted(), registry.accepted())));

    write(ctx, TableId.BRONZE_CENTERS, centers);
    write(ctx, TableId.BRONZE_REGISTRY, registry);
    claims.ifPresent(c -> write(ctx, TableId.BRONZE_CLAIMS, c));
    lifeTable.ifPresent(l -> write(ctx, TableId.BRONZE_LIFE_TABLE, l));
    Dataset<Row> quarantine = all.stream().map(ValidatedExtract::quarantine).reduce(Dataset::unionByName).orElseThrow();
    ctx.warehouse().replaceRun(TableId.BRONZE_QUARANTINE, quarantine, runId);
    ctx.warehouse().replaceRun(TableId.OPS_DATA_QUALITY, quality.toDataFrame(ctx.spark()), runId);
    Dataset<Row> coverage = TerminologyCoverage.registrySites(registry.checked(), runId);
    if (claims.isPresent()) {
      coverage = coverage.unionByName(TerminologyCoverage.claimDiagnoses(claims.get().accepted(), runId));
    }
    ctx.warehouse().replaceRun(TableId.OPS_TERMINOLOGY_COVERAGE, coverage, runId);
    reportCoverage(ctx);

    long read = all.stream().mapToLong(ValidatedExtract::rowsRead).sum();
    long accepted = all.stream().mapToLong(ValidatedExtract::rowsAccepted).sum();
    long quarantined = all.stream().mapToLong(ValidatedExtract::rowsQuarantined).sum();
    all.forEach(ValidatedExtract::release);
    return new StageResult(read, accepted, quarantined, claims.isEmpty() ? "no claims extract: claims-based stages skipped" : "");
  }

  /**
   * The extract without the rows of patients who withdrew consent (ops.deletions); they are not
   * read into the pipeline at all, only counted.
   */
  private static RawExtract dropWithdrawn(RawExtract raw, ConsentWithdrawals withdrawals, Map<String, Long> counts) {
    if (withdrawals.isEmpty()) {
      return raw;
    }
    Dataset<Row> dropped = ContentGuard.flag(raw.rows().filter(withdrawals.withdrawn(col("patient_id")))).cache();
    ContentGuard.check(dropped); // their rows are not validated, but an identifier in them still refuses the file
    long n = dropped.count();
    dropped.unpersist();
    counts.put(raw.contract().source(), n);
    Progress.line("ingest   %s: %,d rows of patients who withdrew consent dropped", raw.contract().source(), n);
    return n == 0 ? raw : raw.withRows(withdrawals.keep(raw.rows()));
  }

  private static Optional<RawExtract> read(Sources reader, StageContext ctx, SourceContract contract, boolean required) {
    Optional<RawExtract> read = reader.read(contract);
    if (read.isEmpty()) {
      if (required) {
        throw new ConfigError("no " + contract.source() + " extract given: pass --" + contract.source()
            + " (or --omop DIR, or no input at all to run the demo)");
      }
      Progress.line("ingest   %s: not given, skipped", contract.source());
      return Optional.empty();
    }
    RawExtract raw = read.get();
    if (!raw.extraColumns().isEmpty()) {
      Progress.line("ingest   %s: extra columns kept in the raw record, not used: %s", contract.source(), raw.extraColumns());
    }
    return Optional.of(raw);
  }

  /** The extract, once its file-level content checks (not UTF-8, identifiers) passed on the validated rows. */
  private static ValidatedExtract guarded(ValidatedExtract v) {
    ContentGuard.check(v.checked());
    return v;
  }

  private static void enforceThreshold(ValidatedExtract v, double maxShare, Optional<String> file) {
    if (v.quarantineShare() > maxShare) {
      throw new ExtractError(file.orElse(v.contract().source()),
          String.format(Locale.ROOT, "%.2f%% of %,d rows quarantined %s, above the configured maximum of %.2f%%",
              100 * v.quarantineShare(), v.rowsRead(), v.quarantinedByCode(), 100 * maxShare),
          "see bronze.quarantine rules in docs/extracts.md, fix the extract, or raise ingest.max-quarantine-share."
              + v.contract().source());
    }
  }

  private static void count(ValidatedExtract v, DataQuality quality) {
    String source = v.contract().source();
    quality.add(source, DataQuality.READ, DataQuality.Outcome.read, v.rowsRead());
    quality.add(source, DataQuality.ACCEPTED, DataQuality.Outcome.accepted, v.rowsAccepted());
    for (Map.Entry<String, Long> e : v.quarantinedByCode().entrySet()) {
      quality.add(source, e.getKey(), DataQuality.Outcome.quarantined, e.getValue());
    }
    Progress.line("ingest   %s: %,d rows read, %,d accepted, %,d quarantined %s", source, v.rowsRead(),
        v.rowsAccepted(), v.rowsQuarantined(), v.quarantinedByCode().isEmpty() ? "" : v.quarantinedByCode());
  }

  /** One line per source: share of rows with mapped codes and the most frequent unmapped codes. */
  private static void reportCoverage(StageContext ctx) {
    Dataset<Row> cov = ctx.warehouse().read(TableId.OPS_TERMINOLOGY_COVERAGE)
        .filter(col("run_id").equalTo(ctx.run().runId()));
    for (Row r : cov.groupBy("source", "field").agg(
        org.apache.spark.sql.functions.sum(col("rows")).as("rows"),
        org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(col("mapped"), col("rows"))).as("mapped"))
        .collectAsList()) {
      long rows = r.getLong(2);
      long mapped = r.isNullAt(3) ? 0 : r.getLong(3);
      List<String> top = cov.filter(col("source").equalTo(r.getString(0)).and(col("field").equalTo(r.getString(1)))
              .and(col("mapped").equalTo(false))).orderBy(col("rows").desc()).limit(5).collectAsList().stream()
          .map(u -> u.<String>getAs("code") + " (" + u.<Long>getAs("rows") + ")").toList();
      Progress.line("ingest   terminology %s.%s: %.2f%% of %,d codes mapped%s", r.getString(0), r.getString(1),
          rows == 0 ? 100.0 : 100.0 * mapped / rows, rows, top.isEmpty() ? "" : "; unmapped: " + String.join(", ", top));
    }
  }

  /**
   * Claim lines whose patient has no registry row. Lines are counted per patient first (a patient
   * has tens of lines, mostly in one partition), so the anti join shuffles one row per patient
   * instead of every claim line.
   */
  static long unknownPatients(Dataset<Row> claims, Dataset<Row> registry) {
    Dataset<Row> perPatient = claims.groupBy(col("patient_id")).agg(org.apache.spark.sql.functions.count(lit(1)).as("lines"));
    Dataset<Row> known = registry.select(col("patient_id").as("known_id")).distinct();
    Row unknown = perPatient.join(known, col("patient_id").equalTo(col("known_id")), "left_anti")
        .agg(sum(col("lines"))).head();
    return unknown.isNullAt(0) ? 0 : unknown.getLong(0);
  }

  private static void write(StageContext ctx, TableId table, ValidatedExtract v) {
    ctx.warehouse().mergeSnapshot(table, v.accepted(), v.contract().key());
  }
}
