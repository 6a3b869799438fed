package org.oncoindicators.synth;

import java.nio.file.Path;

/** What a generator run wrote: data rows of registry.csv and claims.csv, centres, and the truth file. */
public record Summary(long registryRows, long claimRows, int centers, Path truthFile) {}
