package org.oncoindicators.publish;

import static org.apache.spark.sql.functions.col;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oncoindicators.riskadjust.FunnelLimits;

/**
 * The static HTML report of a publication: an index page (cancer types with national net
 * survival, the patient-flow chart and table, the downloads), one page per cancer type (a funnel
 * plot and a table per indicator, survival curves and a survival table) and a centres page (each
 * centre's specialisation profile). Drawn only from the suppressed published tables, so a hidden
 * cell appears as "suppressed" and never as a number; no script and no external resource.
 */
final class HtmlReport {
  private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("publish");

  /** A chart on a page: its files and words. */
  record Chart(String png, String svg, String alt, String caption) {}

  private final Path dir;
  private final Provenance provenance;
  private final ReportSettings settings;

  HtmlReport(Path dir, Provenance provenance, ReportSettings settings) {
    this.dir = dir;
    this.provenance = provenance;
    this.settings = settings;
  }

  /** Collects the (small, aggregated, suppressed) published rows, draws the charts and writes the pages. */
  void write(Map<String, Dataset<Row>> tables, Dataset<Row> publishedCurves) {
    List<Row> indicators = sorted(tables.get("indicators"), "indicator_id", "center_id", "period");
    List<Row> survival = sorted(tables.get("survival").filter(col("stratum").equalTo("all")
        .and(col("approach").equalTo(settings.survivalApproach()))
        .and(col("estimator").equalTo(settings.survivalEstimator()))), "cancer_group", "center_id", "horizon_years");
    List<Row> flows = sorted(tables.get("patient_flows").filter(col("cancer_group").equalTo("all_sites")
        .and(col("diagnosis_year").equalTo("all"))), "residence_region", "measure", "treating_region");
    List<Row> specialisation = sorted(tables.get("specialisation"), "center_id", "rank_in_centre", "cancer_group");
    List<Row> curves = sorted(publishedCurves, "cancer_group", "center_id", "time_days");

    Map<String, List<Row>> survivalByGroup = group(survival, "cancer_group");
    Map<String, List<Row>> indicatorsByGroup = group(indicators, "cancer_group");
    TreeSet<String> groups = new TreeSet<>(settings.groupOrder()::compare);
    groups.addAll(survivalByGroup.keySet());
    groups.addAll(indicatorsByGroup.keySet());
    groups.remove("all_sites");

    List<Map<String, Object>> groupRows = new ArrayList<>();
    for (String g : groups) {
      String page = "group-" + safe(g) + ".html";
      List<Row> gs = survivalByGroup.getOrDefault(g, List.of());
      Row national = gs.stream().filter(r -> "ALL".equals(r.getAs("center_id"))
          && Integer.valueOf(settings.headlineHorizon()).equals(r.getAs("horizon_years"))).findFirst().orElse(null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("page", page);
      m.put("name", settings.groupName(g));
      m.put("patients", national == null ? "" : count(national.getAs("n_patients")));
      m.put("survival", national == null ? "" : estimate(national));
      m.put("suppressed", national != null && national.getAs(SmallCellSuppression.COLUMN) != null);
      m.put("centres", gs.stream().filter(r -> !"ALL".equals(r.getAs("center_id"))
          && r.getAs(SmallCellSuppression.COLUMN) == null).map(r -> r.<String>getAs("center_id")).distinct().count());
      groupRows.add(m);
      writeGroupPage(g, page, indicatorsByGroup.getOrDefault(g, List.of()), gs,
          curves.stream().filter(r -> g.equals(r.getAs("cancer_group"))).toList(), national);
    }
    Map<String, Object> index = page("Cancer outcome indicators — run " + provenance.runId());
    index.put("horizon", settings.headlineHorizon());
    index.put("groups", groupRows);
    index.put("flowChart", flowChart(flows));
    index.put("regions", regionRows(flows));
    index.put("downloads", settings.downloads());
    render("index", "index.html", index);
    writeCentresPage(specialisation);
  }

  private void writeGroupPage(String g, String file, List<Row> indicators, List<Row> survival, List<Row> curves,
                              Row national) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : group(indicators, "indicator_id").entrySet()) {
      String id = e.getKey();
      List<Row> rows = e.getValue();
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("label", settings.indicatorName(id));
      boolean riskAdjusted = rows.stream().anyMatch(r -> r.getAs("expected") != null);
      b.put("rateLabel", riskAdjusted ? "Risk-standardised rate" : "Crude rate");
      List<FunnelChart.Point> points = new ArrayList<>();
      int hidden = 0;
      List<Map<String, Object>> tableRows = new ArrayList<>();
      for (Row r : rows) {
        String centre = r.getAs("center_id");
        String period = r.getAs("period");
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("centre", "all".equals(period) ? label(centre) : label(centre) + " (" + period + ")");
        String reason = r.getAs(SmallCellSuppression.COLUMN);
        t.put("suppressed", reason != null);
        t.put("reason", reason == null ? "" : reason + " suppression");
        t.put("n", count(r.getAs("n")));
        t.put("observed", count(r.getAs("observed")));
        t.put("expected", number(r.getAs("expected"), 1));
        t.put("oe", r.getAs("oe_ratio") == null ? "" : number(r.getAs("oe_ratio"), 2) + " ("
            + number(r.getAs("oe_ci_lower"), 2) + "–" + number(r.getAs("oe_ci_upper"), 2) + ")");
        Double rate = riskAdjusted ? r.getAs("risk_standardised_rate") : r.getAs("crude_rate");
        t.put("rate", number(rate, 3));
        String flag = r.getAs("flag");
        t.put("flag", flag == null ? "none" : flag);
        t.put("flagText", flag == null ? "" : flag.replace('_', ' '));
        tableRows.add(t);
        if (!"ALL".equals(centre) && "all".equals(period)) {
          if (reason != null) {
            hidden++;
          } else if (r.getAs("oe_ratio") != null && r.getAs("expected") != null) {
            points.add(new FunnelChart.Point(centre, r.getAs("expected"), r.getAs("oe_ratio"), flag));
          }
        }
      }
      b.put("rows", tableRows);
      if (!points.isEmpty()) {
        String name = "funnel-" + safe(id);
        ChartFiles.write(FunnelChart.of(settings.indicatorName(id), points, hidden, limits(rows)), dir, name,
            provenance);
        b.put("chart", new Chart(name + ".png", name + ".svg", "Funnel plot of " + settings.indicatorName(id)
            + ": " + points.size() + " centres", points.size() + " centres shown; " + hidden + " suppressed"));
      }
      blocks.add(b);
    }
    Map<String, Object> page = page(settings.groupName(g));
    page.put("name", settings.groupName(g).toLowerCase(Locale.ROOT));
    page.put("patients", national == null || national.getAs("n_patients") == null ? "Some"
        : count(national.getAs("n_patients")));
    page.put("indicators", blocks);
    if (!curves.isEmpty()) {
      List<SurvivalChart.Point> points = curves.stream().map(r -> new SurvivalChart.Point(r.getAs("center_id"),
          r.<Double>getAs("time_days") / settings.daysPerYear(), r.getAs("estimate"), r.getAs("ci_lower"),
          r.getAs("ci_upper"))).toList();
      String name = "survival-" + safe(g);
      ChartFiles.write(SurvivalChart.of(settings.groupName(g) + ": " + settings.survivalLabel(), "Net survival", points),
          dir, name, provenance);
      long shown = curves.stream().map(r -> r.<String>getAs("center_id")).distinct().count();
      page.put("survivalChart", new Chart(name + ".png", name + ".svg", settings.survivalLabel() + " of "
          + settings.groupName(g) + ", " + shown + " curves", "Lines: estimates; bands: 95% confidence intervals. "
          + "Centres with suppressed counts are not drawn."));
    }
    List<Integer> horizons = survival.stream().map(r -> r.<Integer>getAs("horizon_years")).distinct().sorted().toList();
    page.put("horizons", horizons);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : group(survival, "center_id").entrySet()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("centre", label(e.getKey()));
      boolean allHidden = e.getValue().stream().allMatch(r -> r.getAs(SmallCellSuppression.COLUMN) != null);
      t.put("suppressed", allHidden);
      t.put("patients", e.getValue().stream().map(r -> r.getAs("n_patients")).filter(v -> v != null).findFirst()
          .map(HtmlReport::count).orElse("suppressed"));
      List<String> cells = new ArrayList<>();
      for (Integer h : horizons) {
        cells.add(e.getValue().stream().filter(r -> h.equals(r.getAs("horizon_years"))).findFirst()
            .map(r -> r.getAs(SmallCellSuppression.COLUMN) != null ? "suppressed" : estimate(r)).orElse(""));
      }
      t.put("cells", cells);
      rows.add(t);
    }
    page.put("survivalRows", rows);
    render("group", file, page);
  }

  /**
   * The indicator's funnel limits as a function of the expected count, from national values only
   * (basis, national rate for the binomial's n, over-dispersion), as the indicators stage set them.
   */
  private FunnelChart.Limits limits(List<Row> rows) {
    Row any = rows.stream().filter(r -> r.getAs("funnel_basis") != null).findFirst().orElse(rows.get(0));
    FunnelLimits.Basis basis = "poisson".equalsIgnoreCase(any.getAs("funnel_basis")) ? FunnelLimits.Basis.POISSON
        : FunnelLimits.Basis.BINOMIAL;
    Double rate = any.getAs("national_rate");
    Double dispersion = any.getAs("dispersion");
    double phi = dispersion == null || !(dispersion > 0) ? 1.0 : dispersion;
    double inner = settings.funnelInner();
    double outer = settings.funnelOuter();
    return e -> {
      long n = rate == null || !(rate > 0) ? Math.max(1, Math.round(e * 20)) : Math.max(1, Math.round(e / rate));
      FunnelLimits.Basis b = n <= e ? FunnelLimits.Basis.POISSON : basis;
      return new double[] {FunnelLimits.ratioLimit(b, n, e, (1 - inner) / 2, phi),
          FunnelLimits.ratioLimit(b, n, e, (1 + inner) / 2, phi), FunnelLimits.ratioLimit(b, n, e, (1 - outer) / 2, phi),
          FunnelLimits.ratioLimit(b, n, e, (1 + outer) / 2, phi)};
    };
  }

  private void writeCentresPage(List<Row> specialisation) {
    List<Map<String, Object>> centres = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : group(specialisation, "center_id").entrySet()) {
      String centre = e.getKey();
      List<SpecialisationChart.Bar> bars = new ArrayList<>();
      List<Map<String, Object>> rows = new ArrayList<>();
      int hidden = 0;
      for (Row r : e.getValue()) {
        String reason = r.getAs(SmallCellSuppression.COLUMN);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("group", settings.groupName(r.getAs("cancer_group")));
        t.put("suppressed", reason != null);
        t.put("reason", reason == null ? "" : reason + " suppression");
        t.put("rank", r.getAs("rank_in_centre") == null ? "" : String.valueOf(r.<Integer>getAs("rank_in_centre")));
        t.put("n", count(r.getAs("n")));
        t.put("oe", r.getAs("oe_ratio") == null ? "" : number(r.getAs("oe_ratio"), 2) + " ("
            + number(r.getAs("oe_ci_lower"), 2) + "–" + number(r.getAs("oe_ci_upper"), 2) + ")");
        t.put("evidence", r.getAs("evidence") == null ? "" : r.<String>getAs("evidence").replace('_', ' '));
        t.put("survival", r.getAs("net_survival") == null ? "" : number(r.getAs("net_survival"), 3) + " ("
            + number(r.getAs("national_net_survival"), 3) + ")");
        rows.add(t);
        if (reason != null) {
          hidden++;
        } else if (r.getAs("oe_ratio") != null && r.getAs("oe_ci_lower") != null && r.getAs("oe_ci_upper") != null) {
          bars.add(new SpecialisationChart.Bar(settings.groupName(r.getAs("cancer_group")), r.getAs("oe_ratio"),
              r.getAs("oe_ci_lower"), r.getAs("oe_ci_upper")));
        }
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", "centre-" + safe(centre));
      c.put("centre", label(centre));
      c.put("rows", rows);
      if (!bars.isEmpty()) {
        String name = "specialisation-" + safe(centre);
        ChartFiles.write(SpecialisationChart.of(label(centre) + ": risk-adjusted " + settings.specialisationLabel(),
            bars, hidden), dir, name, provenance);
        c.put("chart", new Chart(name + ".png", name + ".svg", "Specialisation profile of " + centre,
            bars.size() + " cancer types shown, best first; " + hidden + " suppressed"));
      }
      centres.add(c);
    }
    Map<String, Object> page = page("Centres: specialisation profiles");
    page.put("indicator", settings.specialisationLabel());
    page.put("centres", centres);
    render("centres", "centres.html", page);
  }

  private Chart flowChart(List<Row> flows) {
    List<Row> matrix = flows.stream().filter(r -> "residence_x_region".equals(r.getAs("measure"))
        && !"ALL".equals(r.getAs("treating_region")) && !"ALL_NON_CAPITAL".equals(r.getAs("residence_region"))).toList();
    if (matrix.isEmpty()) {
      return null;
    }
    List<String> residences = matrix.stream().map(r -> r.<String>getAs("residence_region")).distinct().sorted().toList();
    List<String> treating = matrix.stream().map(r -> r.<String>getAs("treating_region")).distinct().sorted().toList();
    List<FlowChart.Cell> cells = matrix.stream().map(r -> new FlowChart.Cell(r.getAs("residence_region"),
        r.getAs("treating_region"), r.getAs("share"))).toList();
    ChartFiles.write(FlowChart.of("Where residents of each region are treated (all cancers)", residences, treating,
        cells), dir, "patient-flows", provenance);
    return new Chart("patient-flows.png", "patient-flows.svg", "Residence by treating region grid of shares",
        "Share of each region's residents treated in each region; grey cells are suppressed.");
  }

  private static List<Map<String, Object>> regionRows(List<Row> flows) {
    Map<String, Map<String, Object>> byRegion = new TreeMap<>();
    for (Row r : flows) {
      String measure = r.getAs("measure");
      String region = r.getAs("residence_region");
      Map<String, Object> m = byRegion.computeIfAbsent(region, k -> new LinkedHashMap<>(Map.of("region", k,
          "residents", "", "own", "", "capital", "")));
      if ("residence_x_region".equals(measure) && "ALL".equals(r.getAs("treating_region"))) {
        m.put("residents", r.getAs(SmallCellSuppression.COLUMN) == null ? count(r.getAs("n")) : "suppressed");
      } else if ("self_sufficiency".equals(measure)) {
        m.put("own", share(r));
      } else if ("capital_outflow".equals(measure)) {
        m.put("capital", share(r));
      }
    }
    return new ArrayList<>(byRegion.values());
  }

  private static String share(Row r) {
    if (r.getAs(SmallCellSuppression.COLUMN) != null) {
      return "suppressed";
    }
    Double s = r.getAs("share");
    return s == null ? "" : String.format(Locale.ROOT, "%.1f%% (%s of %s)", 100 * s, count(r.getAs("n")),
        count(r.getAs("denominator")));
  }

  private Map<String, Object> page(String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("provenance", provenance);
    return m;
  }

  private void render(String template, String file, Map<String, Object> scope) {
    Mustache m = TEMPLATES.compile(template + ".mustache");
    try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8)) {
      m.execute(w, scope);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + e.getMessage(), e);
    }
  }

  private static List<Row> sorted(Dataset<Row> table, String... by) {
    return table.orderBy(by[0], java.util.Arrays.copyOfRange(by, 1, by.length)).collectAsList();
  }

  private static Map<String, List<Row>> group(List<Row> rows, String column) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getAs(column), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** A key as part of a file name: centre ids come from extracts, so nothing but letters, digits, '-' and '_'. */
  private static String safe(String key) {
    return key.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String label(String centre) {
    return "ALL".equals(centre) ? "All centres (nation)" : centre;
  }

  private static String estimate(Row r) {
    Double e = r.getAs("estimate");
    if (e == null) {
      return r.getAs(SmallCellSuppression.COLUMN) != null ? "suppressed" : "not estimable";
    }
    return number(e, 3) + " (" + number(r.getAs("ci_lower"), 3) + "–" + number(r.getAs("ci_upper"), 3) + ")";
  }

  private static String count(Object v) {
    return v == null ? "" : String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
  }

  private static String number(Double v, int digits) {
    return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
