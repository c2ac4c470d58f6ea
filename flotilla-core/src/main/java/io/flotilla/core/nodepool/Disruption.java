package io.flotilla.core.nodepool;

import java.time.Duration;
import java.util.List;

/**
 * When a pool's nodes may be removed or replaced. Null durations mean never. v1alpha5 Provisioners
 * map onto it: consolidation.enabled -> WhenEmptyOrUnderutilized, ttlSecondsAfterEmpty -> WhenEmpty
 * after that many seconds, ttlSecondsUntilExpired -> expireAfter.
 */
public record Disruption(
    ConsolidationPolicy consolidationPolicy,
    Duration consolidateAfter,
    Duration expireAfter,
    Duration terminationGracePeriod,
    List<Budget> budgets) {

  /** Which nodes consolidation may act on. NONE: only expiry and interruption remove nodes. */
  public enum ConsolidationPolicy {
    NONE,
    WHEN_EMPTY,
    WHEN_EMPTY_OR_UNDERUTILIZED
  }

  public static final Disruption DEFAULT =
      new Disruption(
          ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
          Duration.ZERO,
          Duration.ofHours(720),
          null,
          List.of(Budget.DEFAULT));

  public Disruption {
    budgets = List.copyOf(budgets == null ? List.of() : budgets);
  }
}
