package org.oncoindicators.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.config.ConfigLoader;
import org.oncoindicators.testing.SparkTestBase;

/** A supplier's own column names are onboarded through conf/, with no code change. */
class ColumnAliasesTest extends SparkTestBase {
  @TempDir
  Path dir;

  @Test
  void aliasedColumnsAreReadAsTheContractsOnes() throws IOException {
    Path centers = dir.resolve("centers.csv");
    Files.writeString(centers, "HOSP_CD,Name,Region,Hosp Kind\nH1,A,KR-11,hub\n");
    Path conf = dir.resolve("supplier.conf");
    Files.writeString(conf, "oncoindicators.ingest.column-aliases.centers { HOSP_CD = center_id, \"Hosp Kind\" = kind }\n");
    ColumnAliases aliases = new ColumnAliases(new ConfigLoader(home()).load(Optional.of(conf), Map.of())
        .ingest().columnAliases());
    RawExtract raw = new ExtractReader(spark(), aliases).read(centers.toString(), SourceContract.CENTERS);
    assertEquals(1, raw.rows().filter("center_id = 'H1' AND kind = 'hub' AND NOT malformed").count());
    ExtractError without = assertThrows(ExtractError.class,
        () -> new ExtractReader(spark()).read(centers.toString(), SourceContract.CENTERS));
    assertTrue(without.getMessage().contains("required column 'center_id'"), without.getMessage());
  }

  @Test
  void anAliasToAColumnOutsideTheContractIsRefused() {
    ConfigError e = assertThrows(ConfigError.class,
        () -> new ColumnAliases(Map.of("centers", Map.of("HOSP_CD", "hospital"))));
    assertTrue(e.getMessage().contains("ingest.column-aliases.centers.HOSP_CD"), e.getMessage());
  }
}
