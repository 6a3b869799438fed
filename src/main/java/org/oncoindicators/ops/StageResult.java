package org.oncoindicators.ops;

/** What a stage reports to the ledger: rows read, written and quarantined, and a one-line message. */
public record StageResult(long rowsIn, long rowsOut, long rowsQuarantined, String message) {}
