package io.flotilla.core.nodepool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

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

  /**
   * How many more of a pool's {@code poolNodes} nodes may start being disrupted at {@code now} for
   * {@code reason}, with {@code disrupting} already under way: the most restrictive budget that
   * applies then, less those; unbounded when none applies (Karpenter allows any number outside
   * every budget's window).
   */
  public int disruptionsAllowed(int poolNodes, int disrupting, Instant now, String reason) {
    int allowed = Integer.MAX_VALUE;
    for (Budget b : budgets) {
      OptionalInt n = b.allowed(poolNodes, now, reason);
      if (n.isPresent()) {
        allowed = Math.min(allowed, n.getAsInt());
      }
    }
    return allowed == Integer.MAX_VALUE ? allowed : Math.max(0, allowed - disrupting);
  }
}
