package org.oncoindicators.pipeline;

import java.util.Locale;

/** Progress lines for people watching a run: one line per stage start and end, on stderr. */
public final class Progress {
  private Progress() {}

  public static void line(String format, Object... args) {
    System.err.println("[oncoindicators] " + String.format(Locale.ROOT, format, args));
  }
}
