package org.oncoindicators.publish;

/**
 * When a published cell is too small to show (methods.md, Publication): fewer than
 * {@code minPatients} patients or fewer than {@code minEvents} events. Set in
 * {@code oncoindicators.publication.suppression}.
 */
public record SuppressionRule(int minPatients, int minEvents) {
  public SuppressionRule {
    if (minPatients < 1 || minEvents < 0) {
      throw new IllegalArgumentException("suppression thresholds must be positive: " + minPatients + ", " + minEvents);
    }
  }
}
