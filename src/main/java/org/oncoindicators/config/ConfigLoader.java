package org.oncoindicators.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oncoindicators.indicators.IndicatorCatalogue;
import org.oncoindicators.indicators.IndicatorSpec;
import org.oncoindicators.terminology.CancerGroups;

/**
 * Resolves the configuration in one documented order — command-line flags, then the --config
 * file, then {@code conf/defaults.conf} — and validates it before any Spark work starts: unknown
 * keys, wrong types and bad dates are reported with the key and file line.
 */
public final class ConfigLoader {
  static final String ROOT = "oncoindicators";
  private static final List<String> PATH_KEYS = List.of("warehouse", "inputs.registry", "inputs.claims",
      "inputs.centers", "inputs.life-table", "inputs.omop", "demo.out", "reference.cancer-groups",
      "reference.icss-weights", "reference.regions", "reference.charlson", "reference.procedure-groups",
      "reference.morphology-groups", "reference.site-morphology", "reference.icd9cm-gem", "indicators.catalogue",
      "flows.declared-networks", "publication.folder", "publication.columns");

  /** Keys whose entries are user-named (e.g. a cancer group), so they cannot be listed in the defaults. */
  private static final List<String> OPEN_MAPS = List.of("survival.icss-standard.by-group",
      "ingest.column-aliases.registry", "ingest.column-aliases.claims", "ingest.column-aliases.centers",
      "ingest.column-aliases.life-table", "spark.conf");

  private final Path home;

  /** @param home the project folder: default relative paths resolve against it. */
  public ConfigLoader(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** Loads defaults, overlays the optional file, then the flags (keys relative to {@code oncoindicators}). */
  public PipelineConfig load(Optional<Path> file, Map<String, Object> flags) {
    Config defaults = resolvePaths(parse(home.resolve("conf/defaults.conf")), home);
    Config merged = defaults;
    if (file.isPresent()) {
      Path f = file.get().toAbsolutePath().normalize();
      if (!Files.isRegularFile(f)) {
        throw new ConfigError("config file " + f + " does not exist: pass an existing file to --config");
      }
      Config user = parse(f);
      rejectUnknownKeys(user, defaults, f);
      merged = resolvePaths(user, f.getParent()).withFallback(merged);
    }
    Config cli = ConfigFactory.empty();
    for (Map.Entry<String, Object> flag : flags.entrySet()) {
      cli = cli.withValue(ROOT + "." + flag.getKey(), ConfigValueFactory.fromAnyRef(flag.getValue(), "command line"));
    }
    merged = resolvePaths(cli, Path.of("").toAbsolutePath()).withFallback(merged).resolve();
    return toTyped(merged.getConfig(ROOT), merged);
  }

  private static Config parse(Path f) {
    try {
      return ConfigFactory.parseFile(f.toFile(), ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (ConfigException e) {
      throw new ConfigError("cannot read config " + f + ": " + e.getMessage()
          + " (fix the syntax; see conf/defaults.conf for the format)", e);
    }
  }

  private static void rejectUnknownKeys(Config user, Config defaults, Path f) {
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      boolean freeMap = OPEN_MAPS.stream().anyMatch(m -> e.getKey().startsWith(ROOT + "." + m + "."));
      if (!freeMap && !defaults.hasPathOrNull(e.getKey())) {
        throw new ConfigError("unknown key '" + e.getKey() + "' in " + f + " line " + e.getValue().origin().lineNumber()
            + ": check its spelling against conf/defaults.conf");
      }
    }
  }

  private static Config resolvePaths(Config c, Path base) {
    Config out = c;
    for (String key : PATH_KEYS) {
      String full = ROOT + "." + key;
      if (c.hasPath(full)) {
        String value = c.getString(full);
        if ((key.equals("warehouse") || key.startsWith("inputs.")) && WarehouseLocation.hasScheme(value)) {
          continue; // a URI (s3a://, hdfs://…) is not resolved against a folder
        }
        out = out.withValue(full, ConfigValueFactory.fromAnyRef(base.resolve(value).normalize().toString(),
            c.getValue(full).origin().description()));
      }
    }
    return out;
  }

  private PipelineConfig toTyped(Config c, Config full) {
    try {
      LocalDate runDate = date(c, "run-date").orElse(LocalDate.now());
      LocalDate closing = date(c, "closing-date").orElse(runDate);
      InputPaths inputs = new InputPaths(location(c, "inputs.registry"), location(c, "inputs.claims"),
          location(c, "inputs.centers"), location(c, "inputs.life-table"), location(c, "inputs.omop"));
      if (inputs.omop().isPresent()
          && (inputs.registry().isPresent() || inputs.claims().isPresent() || inputs.centers().isPresent())) {
        throw new ConfigError("inputs.omop replaces registry, claims and centers: give either the OMOP folder "
            + "or those extracts, not both");
      }
      PipelineConfig.Demo demo = new PipelineConfig.Demo(Path.of(c.getString("demo.out")), c.getInt("demo.patients"),
          c.getInt("demo.centers"), c.getLong("demo.seed"), date(c, "demo.as-of").orElseThrow());
      Map<String, Double> shares = new TreeMap<>();
      Config shareConf = c.getConfig("ingest.max-quarantine-share");
      for (String source : shareConf.root().keySet()) {
        shares.put(source, shareConf.getDouble(source));
      }
      Map<String, Map<String, String>> aliases = new TreeMap<>();
      Config aliasConf = c.getConfig("ingest.column-aliases");
      for (String source : aliasConf.root().keySet()) {
        Map<String, String> bySource = new TreeMap<>();
        aliasConf.getConfig("\"" + source + "\"").root().unwrapped()
            .forEach((alias, column) -> bySource.put(alias, String.valueOf(column)));
        aliases.put(source, bySource);
      }
      PipelineConfig.Ingest ingest = new PipelineConfig.Ingest(c.getInt("ingest.max-field-length"), shares,
          c.getString("omop.procedure-system"), aliases);
      String confType = c.getString("survival.conf-type");
      if (!List.of("log-log", "log", "plain").contains(confType)) {
        throw new ConfigError("survival.conf-type is '" + confType + "': use log-log, log or plain");
      }
      List<String> approaches = c.getStringList("survival.approaches");
      if (approaches.isEmpty() || !List.of("cohort", "period").containsAll(approaches)) {
        throw new ConfigError("survival.approaches is " + approaches + ": use cohort and/or period");
      }
      Map<String, String> icssByGroup = new TreeMap<>();
      Config byGroup = c.getConfig("survival.icss-standard.by-group");
      for (String g : byGroup.root().keySet()) {
        icssByGroup.put(g, byGroup.getString(g));
      }
      PipelineConfig.Survival survival = new PipelineConfig.Survival(c.getIntList("survival.horizons-years"),
          confType, c.getDouble("survival.conf-level"), c.getStringList("survival.strata"), approaches,
          c.getInt("survival.period-years"), c.getDouble("survival.curve-step-days"),
          c.getString("survival.icss-standard.default"), icssByGroup);
      PipelineConfig.Indicators indicators = indicators(c);
      return new PipelineConfig(WarehouseLocation.parse(c.getString("warehouse"), home), runDate, closing, c.getDouble("days-per-year"),
          inputs, demo, ingest, new PipelineConfig.Reference(Path.of(c.getString("reference.cancer-groups")),
              Path.of(c.getString("reference.icss-weights")), Path.of(c.getString("reference.regions")),
              Path.of(c.getString("reference.charlson")), Path.of(c.getString("reference.procedure-groups")),
              Path.of(c.getString("reference.morphology-groups")), Path.of(c.getString("reference.site-morphology")),
              Path.of(c.getString("reference.icd9cm-gem"))),
          survival, cohort(c), c.getInt("quality.follow-up-tolerance-days"), indicators, flows(c, indicators.catalogue()),
          new PipelineConfig.Privacy(c.getDouble("privacy.retention-hours")), publication(c),
          new PipelineConfig.SparkSettings(c.getString("spark.master"), c.getInt("spark.shuffle-partitions"),
              sparkConf(c)),
          // where the warehouse lies, how its store is reached and where publications are written are
          // not part of what a run computes: a copied warehouse has the same configuration
          hash(full.getConfig(ROOT).withoutPath("warehouse").withoutPath("spark.conf")
              .withoutPath("publication.folder").root().render(ConfigRenderOptions.concise())
              + indicators.catalogue().canonical()));
    } catch (ConfigException e) {
      throw new ConfigError("invalid configuration: " + e.getMessage() + " (see conf/defaults.conf for the expected type)", e);
    }
  }

  /** {@code spark.conf}: quoted {@code spark.*} keys with string values. */
  private static Map<String, String> sparkConf(Config c) {
    Map<String, String> out = new java.util.TreeMap<>();
    Config conf = c.getConfig("spark.conf");
    for (String key : conf.root().keySet()) {
      if (!key.startsWith("spark.")) {
        throw new ConfigError("spark.conf key '" + key + "' at " + conf.root().get(key).origin().description()
            + " is not a Spark setting: quote a full name such as \"spark.hadoop.fs.s3a.endpoint\"");
      }
      out.put(key, conf.getString("\"" + key + "\""));
    }
    return out;
  }

  private static PipelineConfig.Indicators indicators(Config c) {
    List<Double> limits = c.getDoubleList("indicators.funnel-limits");
    if (limits.size() != 2 || !(limits.get(0) < limits.get(1)) || limits.get(0) <= 0 || limits.get(1) >= 1) {
      throw new ConfigError("indicators.funnel-limits is " + limits + ": give two levels, inner then outer, e.g. [0.95, 0.998]");
    }
    IndicatorCatalogue catalogue = IndicatorCatalogue.load(Path.of(c.getString("indicators.catalogue")),
        CancerGroups.load(Path.of(c.getString("reference.cancer-groups"))).groups(),
        new IndicatorCatalogue.Defaults(c.getInt("indicators.min-n"),
            c.getDoubleList("indicators.survival-intervals-years")));
    return new PipelineConfig.Indicators(catalogue, c.getInt("indicators.min-events-per-parameter"),
        c.getDouble("indicators.conf-level"), limits.get(0), limits.get(1), c.getDouble("indicators.dispersion.winsor"),
        c.getDouble("indicators.dispersion.test-level"), c.getInt("indicators.dispersion.min-centres"),
        Math.max(1, c.getInt("indicators.parallel-fits")));
  }

  private static PipelineConfig.Cohort cohort(Config c) {
    String weights = c.getString("cohort.charlson-weights");
    if (!List.of("charlson_1987", "quan_2011").contains(weights)) {
      throw new ConfigError("cohort.charlson-weights is '" + weights + "': use charlson_1987 or quan_2011");
    }
    return new PipelineConfig.Cohort(c.getInt("cohort.comorbidity-lookback-days"), weights,
        c.getInt("cohort.treatment-days-before"), c.getInt("cohort.treatment-days-after"),
        c.getInt("cohort.care-path-days-before"), c.getInt("cohort.follow-up-after-days"));
  }

  private static PipelineConfig.Publication publication(Config c) {
    int minPatients = c.getInt("publication.suppression.min-patients");
    int minEvents = c.getInt("publication.suppression.min-events");
    if (minPatients < 1 || minEvents < 0) {
      throw new ConfigError("publication.suppression is min-patients = " + minPatients + ", min-events = " + minEvents
          + ": give at least 1 patient and 0 events (methods.md uses 10 and 5)");
    }
    String estimator = c.getString("publication.survival-estimator");
    if (!List.of("observed_km", "relative_ederer2", "net_pohar_perme", "net_pohar_perme_agestd").contains(estimator)) {
      throw new ConfigError("publication.survival-estimator is '" + estimator + "': use observed_km, relative_ederer2, "
          + "net_pohar_perme or net_pohar_perme_agestd");
    }
    String approach = c.getString("publication.survival-approach");
    if (!c.getStringList("survival.approaches").contains(approach)) {
      throw new ConfigError("publication.survival-approach is '" + approach + "', which survival.approaches does not "
          + "compute: use one of " + c.getStringList("survival.approaches"));
    }
    int horizon = c.getInt("publication.headline-horizon");
    if (!c.getIntList("survival.horizons-years").contains(horizon)) {
      throw new ConfigError("publication.headline-horizon is " + horizon + ", which is not in survival.horizons-years "
          + c.getIntList("survival.horizons-years"));
    }
    Path columns = Path.of(c.getString("publication.columns"));
    if (!Files.isRegularFile(columns)) {
      throw new ConfigError("publication.columns is " + columns + ", which does not exist: give the CSV of column "
          + "descriptions (table, column, description)");
    }
    return new PipelineConfig.Publication(path(c, "publication.folder"), minPatients, minEvents, columns, estimator,
        approach, horizon);
  }

  private static PipelineConfig.Flows flows(Config c, IndicatorCatalogue catalogue) {
    String indicator = c.getString("flows.specialisation-indicator");
    boolean known = catalogue.indicators().stream().anyMatch(s -> s.id().equals(indicator + "_" + s.cancerGroup())
        && s.kind() != IndicatorSpec.Kind.VOLUME);
    if (!known) {
      throw new ConfigError("flows.specialisation-indicator is '" + indicator + "', which is no per-group survival or "
          + "proportion indicator of " + c.getString("indicators.catalogue") + ": use an id such as survival_5y");
    }
    Optional<Path> declared = path(c, "flows.declared-networks");
    if (declared.isPresent() && !Files.isRegularFile(declared.get())) {
      throw new ConfigError("flows.declared-networks is " + declared.get() + ", which does not exist: give a CSV "
          + "(network_id, center_id, role) or null");
    }
    double ratio = c.getDouble("flows.meaningful-ratio");
    if (!(ratio > 1)) {
      throw new ConfigError("flows.meaningful-ratio is " + ratio + ": give a ratio above 1, e.g. 1.25");
    }
    return new PipelineConfig.Flows(declared, Math.max(1, c.getInt("flows.min-referrals")),
        indicator, ratio);
  }

  private static Optional<LocalDate> date(Config c, String key) {
    if (c.getIsNull(key)) {
      return Optional.empty();
    }
    String value = c.getString(key);
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw new ConfigError(key + " is '" + value + "' (" + c.getValue(key).origin().description()
          + "): write the date as YYYY-MM-DD");
    }
  }

  private static Optional<Path> path(Config c, String key) {
    return c.getIsNull(key) ? Optional.empty() : Optional.of(Path.of(c.getString(key)));
  }

  /** An input: an absolute path (resolved by {@link #resolvePaths}) or a URI, as given. */
  private static Optional<String> location(Config c, String key) {
    return c.getIsNull(key) ? Optional.empty() : Optional.of(c.getString(key));
  }

  private static String hash(String canonical) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
