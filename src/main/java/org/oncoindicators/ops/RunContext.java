package org.oncoindicators.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import org.oncoindicators.config.PipelineConfig;

/** Who and what a run is: run id, dates, configuration hash, code version and host, stamped on every ledger row. */
public record RunContext(String runId, LocalDate runDate, LocalDate closingDate, String configHash, String codeVersion,
                         String host) {

  public static RunContext of(PipelineConfig config) {
    return new RunContext(config.runId(), config.runDate(), config.closingDate(), config.configHash(),
        currentCodeVersion(), localHost());
  }

  /** The git commit the launcher passes in, else the jar's version. */
  static String currentCodeVersion() {
    String fromLauncher = System.getProperty("oncoindicators.code.version");
    if (fromLauncher != null && !fromLauncher.isBlank()) {
      return fromLauncher;
    }
    String jar = RunContext.class.getPackage().getImplementationVersion();
    return jar == null ? "dev" : jar;
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
