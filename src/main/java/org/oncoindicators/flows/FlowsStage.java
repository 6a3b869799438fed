package org.oncoindicators.flows;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.oncoindicators.cohort.TumourCohort;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.indicators.IndicatorTable;
import org.oncoindicators.ops.StageResult;
import org.oncoindicators.pipeline.Progress;
import org.oncoindicators.pipeline.Stage;
import org.oncoindicators.pipeline.StageContext;
import org.oncoindicators.spark.Seqs;
import org.oncoindicators.tables.TableId;
import org.oncoindicators.tables.Warehouse;
import org.oncoindicators.terminology.ReferenceTable;

/**
 * Gold patient flows, care networks and specialisation: where patients are treated relative to
 * where they live ({@code gold.patient_flows}); the care networks found in claims or declared and
 * the paths between their centres ({@code gold.care_network}); each centre's cancer groups ranked
 * by risk-adjusted outcome ({@code gold.specialisation}); outcomes of residents treated at home
 * versus in the capital area ({@code gold.outcomes_by_travel}); and the risk-adjusted indicators
 * per network ({@code gold.network_outcomes}). The regions and which of them form the capital area
 * come from the regions reference table ({@code capital_area = 1}).
 */
public final class FlowsStage implements Stage {
  @Override
  public String name() {
    return "flows";
  }

  @Override
  public List<TableId> inputs() {
    return List.of(TableId.SILVER_TUMOURS, TableId.SILVER_CARE_PATHS, TableId.GOLD_INDICATORS,
        TableId.GOLD_INDICATOR_CELLS, TableId.GOLD_SURVIVAL);
  }

  @Override
  public List<TableId> outputs() {
    return List.of(TableId.GOLD_PATIENT_FLOWS, TableId.GOLD_CARE_NETWORK, TableId.GOLD_SPECIALISATION,
        TableId.GOLD_OUTCOMES_BY_TRAVEL, TableId.GOLD_NETWORK_OUTCOMES);
  }

  @Override
  public StageResult run(StageContext ctx) {
    PipelineConfig config = ctx.config();
    Warehouse warehouse = ctx.warehouse();
    String runId = ctx.run().runId();
    Set<String> regions = new HashSet<>();
    Set<String> capital = new HashSet<>();
    ReferenceTable.forEachRecord(config.reference().regions(),
        "regions (columns iso_3166_2, capital_area)", r -> {
          regions.add(r.getString("iso_3166_2"));
          if ("1".equals(r.getString("capital_area"))) {
            capital.add(r.getString("iso_3166_2"));
          }
        });
    Dataset<Row> tumours = warehouse.read(TableId.SILVER_TUMOURS).filter(col(TumourCohort.SURVIVAL_ELIGIBLE))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      warehouse.replaceRun(TableId.GOLD_PATIENT_FLOWS, PatientFlows.build(tumours, regions, capital, runId), runId);

      Dataset<Row> paths = config.hasClaims() ? warehouse.read(TableId.SILVER_CARE_PATHS)
          .join(tumours.select("tumor_id", "cancer_group"), Seqs.of("tumor_id")) : null;
      List<NetworkMembership.Member> members = NetworkMembership.assign(
          paths == null ? List.of() : CareNetworks.referrals(paths),
          config.flows().declaredNetworks().map(DeclaredNetworks::load).orElse(List.of()),
          config.flows().minReferrals());
      Dataset<Row> memberTable = CareNetworks.members(ctx.spark(), members);
      Dataset<Row> network = paths == null ? ctx.spark().createDataFrame(List.of(), CareNetworks.SCHEMA)
          : CareNetworks.build(paths, memberTable, runId);
      warehouse.replaceRun(TableId.GOLD_CARE_NETWORK, network, runId);

      Dataset<Row> indicators = warehouse.read(TableId.GOLD_INDICATORS).filter(col("run_id").equalTo(runId));
      warehouse.replaceRun(TableId.GOLD_SPECIALISATION, Specialisation.build(indicators,
          warehouse.read(TableId.GOLD_SURVIVAL).filter(col("run_id").equalTo(runId)),
          config.flows().specialisationIndicator(), config.flows().meaningfulRatio(), runId), runId);

      Map<List<String>, NationalReference> references = NationalReference.read(indicators);
      Map<String, IndicatorSpec> specs = new HashMap<>();
      config.indicators().catalogue().indicators().forEach(s -> specs.put(s.id(), s));
      Dataset<Row> centreRegions = tumours.select("center_id", "center_region").distinct();
      List<Row> travel = OutcomesByTravel.compare(OutcomesByTravel.groups(
              warehouse.read(TableId.GOLD_INDICATOR_CELLS).filter(col("run_id").equalTo(runId)), centreRegions,
              regions, capital).collectAsList(), references, specs, config.indicators().confLevel(), runId);
      warehouse.replaceRun(TableId.GOLD_OUTCOMES_BY_TRAVEL,
          ctx.spark().createDataFrame(travel, OutcomesByTravel.SCHEMA), runId);

      List<Row> byNetwork = NetworkOutcomes.build(indicators.filter(NetworkOutcomes.centreRows()).collectAsList(),
          NetworkMembership.networkOf(members), references, specs, config.indicators(), runId);
      Dataset<Row> networks = memberTable.groupBy("network_id")
          .agg(first("hub_center_id").as("hub_center_id"), count(lit(1)).as("n_centres"),
              array_sort(collect_list("center_id")).as("member_centres"));
      warehouse.replaceRun(TableId.GOLD_NETWORK_OUTCOMES, ctx.spark().createDataFrame(byNetwork, IndicatorTable.SCHEMA)
          .withColumnRenamed("center_id", "network_id").join(networks, Seqs.of("network_id"), "left"), runId);

      long hubs = members.stream().filter(m -> DeclaredNetworks.HUB.equals(m.role())).count();
      long spokes = members.stream().filter(m -> DeclaredNetworks.SPOKE.equals(m.role())).count();
      Progress.line("flows    %d networks: %d hubs, %d spokes, %d unlinked centres", new TreeSet<>(
          NetworkMembership.networkOf(members).values()).size(), hubs, spokes, members.size() - hubs - spokes);
      long rows = 0;
      for (TableId t : outputs()) {
        rows += warehouse.rowsOfRun(t, runId);
      }
      return new StageResult(tumours.count(), rows, 0, "capital area " + new TreeSet<>(capital));
    } finally {
      tumours.unpersist();
    }
  }
}
