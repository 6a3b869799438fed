package org.oncoindicators.ingest.omop;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the OMOP mapping takes from configuration: the procedure system written when a source value's
 * system cannot be told without vocabulary tables, the days per year of ages, and the region names table.
 */
public record OmopSettings(String defaultProcedureSystem, double daysPerYear, Optional<Path> regionNames) {
  public static final String DEFAULT_PROCEDURE_SYSTEM = "OMOP_SOURCE";

  /** {@code OMOP_SOURCE}, 365.25 days per year, region names kept as delivered. */
  public static OmopSettings defaults() {
    return new OmopSettings(DEFAULT_PROCEDURE_SYSTEM, 365.25, Optional.empty());
  }
}
