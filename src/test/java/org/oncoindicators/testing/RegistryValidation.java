package org.oncoindicators.testing;

import java.time.LocalDate;
import org.oncoindicators.ingest.CentersRules;
import org.oncoindicators.ingest.ExtractReader;
import org.oncoindicators.ingest.RawExtract;
import org.oncoindicators.ingest.RegistryRules;
import org.oncoindicators.ingest.RowValidator;
import org.oncoindicators.ingest.SourceContract;
import org.oncoindicators.ingest.ValidatedExtract;

/** Runs the registry row rules on a test extract against src/test/resources/extracts/centers.csv (closing 2025-12-31, fields up to 50 characters). */
public final class RegistryValidation extends SparkTestBase {
  private RegistryValidation() {}

  public static ValidatedExtract validate(String registryResource) {
    ExtractReader reader = new ExtractReader(spark());
    RowValidator validator = new RowValidator(50);
    ValidatedExtract centers = validator.validate(reader.read(resource("extracts/centers.csv").toString(),
        SourceContract.CENTERS), new CentersRules(), "test");
    RawExtract raw = reader.read(resource(registryResource).toString(), SourceContract.REGISTRY);
    RegistryRules rules = new RegistryRules(LocalDate.parse("2025-12-31"), Terminology.standard());
    return validator.validate(raw.withRows(rules.prepare(raw.rows(), centers.accepted())), rules, "test");
  }
}
