package org.oncoindicators.ingest;

import org.apache.spark.sql.Column;

/** One row-level check: the reason code given to a row for which {@code violated} is true. */
public record RowRule(ReasonCode code, Column violated) {}
