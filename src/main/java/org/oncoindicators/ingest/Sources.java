package org.oncoindicators.ingest;

import java.util.Optional;
import org.oncoindicators.config.PipelineConfig;
import org.oncoindicators.ingest.omop.OmopExtract;
import org.oncoindicators.ingest.omop.OmopSettings;
import org.oncoindicators.pipeline.StageContext;

/**
 * Where each extract of a run comes from: its own file (CSV, Parquet, or NAACCR XML for the
 * registry) or, when an OMOP CDM folder is given, the registry, claims and centres derived from it.
 */
final class Sources {
  private final StageContext ctx;
  private final ExtractReader reader;
  private OmopExtract omop;

  Sources(StageContext ctx) {
    this.ctx = ctx;
    this.reader = new ExtractReader(ctx.spark(), new ColumnAliases(ctx.config().ingest().columnAliases()));
  }

  /** The extract for a contract, or empty when the run has none. */
  Optional<RawExtract> read(SourceContract contract) {
    PipelineConfig config = ctx.config();
    Optional<String> omopFolder = config.input("omop");
    if (omopFolder.isPresent() && contract != SourceContract.LIFE_TABLE) {
      OmopExtract cdm = omop(omopFolder.get(), config);
      return Optional.of(switch (contract) {
        case REGISTRY -> cdm.registry();
        case CLAIMS -> cdm.claims();
        default -> cdm.centers();
      });
    }
    return config.input(contract.source()).map(p -> reader.read(p, contract));
  }

  /** The file or folder an extract was read from, for messages. */
  Optional<String> location(SourceContract contract) {
    Optional<String> own = ctx.config().input(contract.source());
    return own.isPresent() ? own : ctx.config().input("omop");
  }

  private OmopExtract omop(String folder, PipelineConfig config) {
    if (omop == null) {
      omop = OmopExtract.read(ctx.spark(), folder, new OmopSettings(config.ingest().omopProcedureSystem(),
          config.daysPerYear(), Optional.of(config.reference().regions())));
    }
    return omop;
  }
}
