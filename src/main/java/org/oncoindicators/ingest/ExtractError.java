package org.oncoindicators.ingest;

/** A file-level problem with an extract: the run fails, naming the file, the place and the fix. */
public final class ExtractError extends RuntimeException {
  public ExtractError(String file, String problem, String fix) {
    super(file + ": " + problem + " — " + fix);
  }
}
