package org.oncoindicators.ops;

/**
 * A deterministic stand-in for {@code kill -9} in the fault tests: when the system property
 * {@code oncoindicators.fault} names a point the run reaches, the JVM halts on the spot (no
 * shutdown hooks, no cleanup, exit 137 as after SIGKILL). Points: {@code committed:<table>} right
 * after a table's Delta commit, {@code finished:<stage>} after a stage wrote its tables but before
 * the ledger records it. Unset — always, outside those tests — it does nothing.
 */
public final class FaultInjection {
  public static final String PROPERTY = "oncoindicators.fault";
  public static final int EXIT_CODE = 137;

  private FaultInjection() {}

  public static void point(String name) {
    if (name.equals(System.getProperty(PROPERTY))) {
      System.err.println("[oncoindicators] fault injected at " + name + ": halting");
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }
}
