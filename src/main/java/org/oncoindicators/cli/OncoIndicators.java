package org.oncoindicators.cli;

import java.nio.file.Path;
import org.oncoindicators.config.ConfigError;
import org.oncoindicators.ingest.ExtractError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code nightly}, {@code stage}, {@code query}, {@code generate}, {@code bench}
 * and {@code forget} subcommands, called by the jobs/ launchers and by spark-submit. Errors a user can fix print one
 * line on stderr and exit 1; usage errors exit 2.
 */
@Command(name = "oncoindicators", mixinStandardHelpOptions = true, version = "OncoIndicators 0.1",
    subcommands = {NightlyCommand.class, StageCommand.class, QueryCommand.class, GenerateCommand.class,
        BenchCommand.class, ForgetCommand.class, PublishCommand.class},
    description = "Risk-adjusted cancer outcome indicators per treating centre, on Spark and Delta Lake.")
public final class OncoIndicators {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new OncoIndicators());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigError || e instanceof ExtractError) {
        System.err.println("error: " + e.getMessage());
      } else {
        System.err.println("error: " + e);
        e.printStackTrace(System.err);
      }
      return 1;
    });
    return cli.execute(args);
  }

  /** The project folder: default relative paths (conf/, warehouse/, data/) resolve against it. */
  static Path home() {
    return Path.of(System.getProperty("oncoindicators.home", "")).toAbsolutePath();
  }
}
