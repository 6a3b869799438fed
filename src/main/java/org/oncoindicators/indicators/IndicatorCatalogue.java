package org.oncoindicators.indicators;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.riskadjust.CaseMixCovariates;

/**
 * Reads and validates the indicator catalogue at start-up (before any Spark work): unknown keys,
 * unknown values, covariates and cancer groups, and filters that do not parse are reported with
 * the file, line and the fix; a per-group entry expands to one indicator per cancer group.
 */
public final class IndicatorCatalogue {
  static final String ROOT = "oncoindicators.catalogue.indicators";
  private static final Set<String> KEYS = Set.of("id", "title", "kind", "cancer-groups", "per-group", "population",
      "filter", "outcome", "model", "covariates", "period", "better", "min-n", "intervals-years");
  private static final Set<String> OUTCOME_KEYS = Set.of("event", "within-days", "horizon-years");

  private final List<IndicatorSpec> indicators;
  private final String canonical;

  private IndicatorCatalogue(List<IndicatorSpec> indicators, String canonical) {
    this.indicators = indicators;
    this.canonical = canonical;
  }

  /** Defaults an entry may override: fewest units per centre, and survival interval cut points. */
  public record Defaults(int minN, List<Double> intervalCutsYears) {}

  public static IndicatorCatalogue load(Path file, Set<String> cancerGroups, Defaults defaults) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError("indicator catalogue " + file + " does not exist: set indicators.catalogue to the file");
    }
    Config root;
    try {
      root = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
          .setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      throw new ConfigError("cannot read indicator catalogue " + file + ": " + e.getMessage()
          + " (fix the syntax; conf/indicators.conf shows the format)", e);
    }
    if (!root.hasPath(ROOT)) {
      throw new ConfigError("indicator catalogue " + file + " has no list " + ROOT);
    }
    List<IndicatorSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Config entry : root.getConfigList(ROOT)) {
      for (IndicatorSpec spec : new CatalogueEntry(file, entry, cancerGroups, defaults).expand()) {
        if (!ids.add(spec.id())) {
          throw new ConfigError("indicator catalogue " + file + " line " + entry.origin().lineNumber()
              + ": indicator id '" + spec.id() + "' is declared twice: give each indicator its own id");
        }
        out.add(spec);
      }
    }
    return new IndicatorCatalogue(List.copyOf(out), root.root().render(ConfigRenderOptions.concise()));
  }

  public List<IndicatorSpec> indicators() {
    return indicators;
  }

  /** The catalogue's content, for the configuration hash (a changed indicator changes the hash). */
  public String canonical() {
    return canonical;
  }

  /** One entry of the list, validated key by key. */
  private record CatalogueEntry(Path file, Config c, Set<String> groups, Defaults defaults) {
    private ConfigError error(String problem) {
      return new ConfigError("indicator catalogue " + file + " line " + c.origin().lineNumber() + ": " + problem);
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type, String fallback) {
      String value = c.hasPath(key) ? c.getString(key) : fallback;
      if (value == null) {
        throw error("'" + key + "' is missing: use one of " + values(type));
      }
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error("'" + key + "' is '" + value + "': use one of " + values(type));
      }
    }

    private static <E extends Enum<E>> List<String> values(Class<E> type) {
      List<String> out = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        out.add(e.name().toLowerCase(Locale.ROOT));
      }
      return out;
    }

    List<IndicatorSpec> expand() {
      try {
        return specs();
      } catch (ConfigException e) {
        throw error(e.getMessage() + " (conf/indicators.conf shows the format)");
      }
    }

    private List<IndicatorSpec> specs() {
      for (String key : c.root().keySet()) {
        if (!KEYS.contains(key)) {
          throw error("unknown key '" + key + "': check its spelling; keys are " + KEYS);
        }
      }
      String id = c.getString("id");
      if (!id.matches("[a-z][a-z0-9_]*")) {
        throw error("id '" + id + "' must be lower-case letters, digits and underscores");
      }
      IndicatorSpec.Kind kind = choice("kind", IndicatorSpec.Kind.class, null);
      IndicatorSpec.Population population = choice("population", IndicatorSpec.Population.class, null);
      IndicatorSpec.Model model = choice("model", IndicatorSpec.Model.class, "none");
      List<String> groupList = groupList();
      String filter = c.hasPath("filter") ? c.getString("filter") : null;
      if (filter != null) {
        try {
          CatalystSqlParser$.MODULE$.parseExpression(filter);
        } catch (Exception e) { // ParseException is checked in Java's eyes
          throw error("filter \"" + filter + "\" is not a Spark SQL condition: " + e.getMessage().lines().findFirst()
              .orElse(""));
        }
      }
      List<String> covariates = c.hasPath("covariates") ? c.getStringList("covariates") : List.of();
      for (String cov : covariates) {
        if (!CaseMixCovariates.KNOWN.contains(cov)) {
          throw error("covariate '" + cov + "' is unknown: use any of " + CaseMixCovariates.KNOWN);
        }
      }
      Outcome outcome = outcome(kind);
      checkModel(kind, model, covariates);
      String period = c.hasPath("period") ? c.getString("period") : "all";
      if (!period.equals("all") && !period.equals("year")) {
        throw error("period is '" + period + "': use all or year");
      }
      String better = c.hasPath("better") ? c.getString("better") : null;
      if (kind != IndicatorSpec.Kind.VOLUME && !"lower".equals(better) && !"higher".equals(better)) {
        throw error("better is '" + better + "': say which direction is good, lower or higher");
      }
      int minN = c.hasPath("min-n") ? c.getInt("min-n") : defaults.minN();
      double[] cuts = outcome.horizonYears() == null ? null : cuts(outcome.horizonYears());
      boolean perGroup = !c.hasPath("per-group") || c.getBoolean("per-group");
      String title = c.getString("title");
      List<IndicatorSpec> out = new ArrayList<>();
      if (perGroup) {
        for (String g : groupList) {
          out.add(new IndicatorSpec(id + "_" + g, title.replace("{group}", g), kind, g, List.of(g), population, filter,
              outcome.event(), outcome.withinDays(), outcome.horizonYears(), model, covariates, period.equals("year"),
              better, minN, cuts));
        }
      } else {
        out.add(new IndicatorSpec(id, title.replace("{group}", String.join(", ", groupList)), kind,
            groupList.size() == 1 ? groupList.get(0) : "multiple", groupList, population, filter, outcome.event(),
            outcome.withinDays(), outcome.horizonYears(), model, covariates, period.equals("year"), better, minN, cuts));
      }
      return out;
    }

    private List<String> groupList() {
      if (c.getValue("cancer-groups").unwrapped().equals("all")) {
        return List.copyOf(new java.util.TreeSet<>(groups));
      }
      List<String> list = c.getStringList("cancer-groups");
      for (String g : list) {
        if (!groups.contains(g)) {
          throw error("cancer group '" + g + "' is not a key of the cancer-groups reference table; known: " + groups);
        }
      }
      return list;
    }

    private record Outcome(IndicatorSpec.Event event, Integer withinDays, Integer horizonYears) {}

    private Outcome outcome(IndicatorSpec.Kind kind) {
      if (kind == IndicatorSpec.Kind.VOLUME) {
        if (c.hasPath("outcome")) {
          throw error("a volume indicator counts units and has no outcome: remove 'outcome'");
        }
        return new Outcome(null, null, null);
      }
      Config o = c.getConfig("outcome");
      for (String key : o.root().keySet()) {
        if (!OUTCOME_KEYS.contains(key)) {
          throw error("unknown outcome key '" + key + "': use " + OUTCOME_KEYS);
        }
      }
      IndicatorSpec.Event event = Enum.valueOf(IndicatorSpec.Event.class, o.getString("event").toUpperCase(Locale.ROOT));
      if (kind == IndicatorSpec.Kind.SURVIVAL) {
        if (event != IndicatorSpec.Event.DEATH || !o.hasPath("horizon-years")) {
          throw error("a survival indicator needs outcome { event = death, horizon-years = N }");
        }
        return new Outcome(event, null, o.getInt("horizon-years"));
      }
      if (event == IndicatorSpec.Event.SYSTEMIC_THERAPY && c.hasPath("population")
          && !c.getString("population").equals("resected")) {
        throw error("outcome systemic_therapy counts therapy after a resection: use population resected");
      }
      if (event == IndicatorSpec.Event.TREATMENT && c.hasPath("population") && !c.getString("population").equals("treated")) {
        throw error("outcome treatment counts days from diagnosis to first treatment: use population treated");
      }
      if (!o.hasPath("within-days")) {
        throw error("a proportion indicator needs outcome.within-days");
      }
      return new Outcome(event, o.getInt("within-days"), null);
    }

    private void checkModel(IndicatorSpec.Kind kind, IndicatorSpec.Model model, List<String> covariates) {
      boolean ok = switch (kind) {
        case PROPORTION -> model != IndicatorSpec.Model.PIECEWISE_EXPONENTIAL;
        case SURVIVAL -> model == IndicatorSpec.Model.PIECEWISE_EXPONENTIAL;
        case VOLUME -> model == IndicatorSpec.Model.NONE;
      };
      if (!ok) {
        throw error("model '" + model.name().toLowerCase(Locale.ROOT) + "' does not fit kind '"
            + kind.name().toLowerCase(Locale.ROOT) + "': proportion uses logistic or none, survival "
            + "piecewise_exponential, volume none");
      }
      if (model == IndicatorSpec.Model.NONE && !covariates.isEmpty()) {
        throw error("model none takes no covariates: remove them or choose a model");
      }
    }

    /** The default cut points below the horizon, then the horizon. */
    private double[] cuts(int horizon) {
      List<Double> list = c.hasPath("intervals-years") ? c.getDoubleList("intervals-years") : defaults.intervalCutsYears();
      List<Double> kept = new ArrayList<>(list.stream().filter(x -> x < horizon).toList());
      if (kept.isEmpty() || kept.get(0) != 0.0) {
        throw error("intervals-years must start at 0: " + list);
      }
      kept.add((double) horizon);
      return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
