package org.oncoindicators.config;

/** A configuration or input problem that stops the run before any table changes; the message names the fix. */
public final class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }

  public ConfigError(String message, Throwable cause) {
    super(message, cause);
  }
}
