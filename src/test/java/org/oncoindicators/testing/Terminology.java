package org.oncoindicators.testing;

import static org.oncoindicators.testing.SparkTestBase.home;

import java.nio.file.Path;
import org.oncoindicators.terminology.TumourTerminology;

/** The shipped tumour terminology of conf/reference, for tests. */
public final class Terminology {
  private Terminology() {}

  public static TumourTerminology standard() {
    Path ref = home().resolve("conf/reference");
    return TumourTerminology.load(ref.resolve("cancer_groups_icd10.csv"), ref.resolve("icdo3_morphology_groups.csv"),
        ref.resolve("site_morphology_rules.csv"), ref.resolve("icd9cm_to_icd10cm_gem_neoplasms.csv"));
  }
}
