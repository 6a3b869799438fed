package org.oncoindicators.synth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The simulation model read from conf/synthetic-model.conf and checked against the reference files at start-up. */
record SyntheticModel(List<CancerGroupModel> groups, WeightedChoice<CancerGroupModel> incidence, ComorbidityModel comorbidity,
    ExcessHazard excessHazard, MortalitySettings mortality, SurgeryDraw.Risk surgeryRisk, TravelModel travel,
    RegistryModel registry, ClaimsModel claims, Config centres, Config planted) {

  static final String FILE = "synthetic-model.conf";
  private static final Set<String> CHEMO_SETTINGS = Set.of(ClaimLine.OUTPATIENT, ClaimLine.PHARMACY);

  static SyntheticModel load(Path confDir, ReferenceData reference) {
    Path file = confDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("simulation model not found: " + file);
    }
    Config c = ConfigFactory.parseFile(file.toFile()).resolve().getConfig("synthetic");
    List<CancerGroupModel> groups = c.getConfigList("cancer-groups").stream().map(CancerGroupModel::from).toList();
    groups.forEach(g -> check(g, reference));
    return new SyntheticModel(groups, WeightedChoice.of(groups, CancerGroupModel::share),
        ComorbidityModel.from(c.getConfig("comorbidity"), reference.charlson()),
        new ExcessHazard(c.getConfig("survival"), groups), MortalitySettings.from(c.getConfig("survival")),
        SurgeryDraw.Risk.from(c.getConfig("surgery-risk")), TravelModel.from(c.getConfig("travel"), reference),
        RegistryModel.from(c.getConfig("registry")), ClaimsModel.from(c.getConfig("claims")), c.getConfig("centres"),
        c.getConfig("planted"));
  }

  /** Fails on a group, code or sex rule that the reference files contradict. */
  private static void check(CancerGroupModel g, ReferenceData reference) {
    ReferenceData.Group ref = reference.groups().get(g.key());
    if (ref == null) {
      throw new IllegalArgumentException("cancer group " + g.key() + " is not a key of cancer_groups_icd10.csv");
    }
    for (CancerGroupModel.Site site : g.sites().items()) {
      if (!site.code().matches("C\\d\\d(\\.\\d)?") || !ref.categories().contains(site.code().substring(0, 3))) {
        throw new IllegalArgumentException(g.key() + ": site " + site.code() + " is not a code of the group");
      }
    }
    boolean sexOk = switch (ref.sexSpecific()) {
      case "F" -> g.maleShare() == 0;
      case "M" -> g.maleShare() == 1;
      default -> g.maleShare() >= 0 && g.maleShare() <= 1;
    };
    if (!sexOk) {
      throw new IllegalArgumentException(g.key() + ": male share " + g.maleShare() + " contradicts sex_specific "
          + ref.sexSpecific());
    }
    g.chemo().ifPresent(chemo -> chemo.drugs().forEach(d -> {
      if (!CHEMO_SETTINGS.contains(d.setting()) || !d.atc().matches("L0\\d[A-Z]{2}\\d\\d")) {
        throw new IllegalArgumentException(g.key() + ": chemotherapy drug " + d + " needs an ATC L0 code and setting "
            + CHEMO_SETTINGS);
      }
    }));
    if (g.age()[0] < g.age()[2] || g.age()[0] > g.age()[3] || g.age()[3] > 100) {
      throw new IllegalArgumentException(g.key() + ": age [mean, sd, min, max] out of order: " + Arrays.toString(g.age()));
    }
  }
}
