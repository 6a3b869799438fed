package org.oncoindicators.testing;

import static org.oncoindicators.testing.SparkTestBase.home;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a separate JVM on the project's own classpath (classes and dependencies), Spark's module flags set. */
public final class ChildJvm {
  private ChildJvm() {}

  /** Every jar of the build classpath (target/classpath.txt). */
  public static List<String> dependencyJars() throws IOException {
    return List.of(Files.readString(home().resolve("target/classpath.txt")).trim().split(File.pathSeparator));
  }

  public static List<String> command(String mainClass, List<String> jvmOptions) throws IOException {
    Path target = home().resolve("target");
    String classpath = target.resolve("classes") + File.pathSeparator
        + Files.readString(target.resolve("classpath.txt")).trim();
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(List.of(Files.readString(target.resolve("module-flags.txt")).trim().split("\\s+")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-Doncoindicators.home=" + home(),
        "-Dlog4j2.configurationFile=" + home().resolve("conf/log4j2.properties"), "-cp", classpath, mainClass));
    return command;
  }

  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
