package io.flotilla.core.nodepool;

import java.time.Duration;
import java.util.Set;

/**
 * A disruption budget: at most {@code nodes} ("10%" or a count) disrupted at once, optionally only
 * during a cron {@code schedule} window of {@code duration}, for the given reasons (empty: all).
 */
public record Budget(String nodes, String schedule, Duration duration, Set<String> reasons) {
  public Budget {
    if (nodes == null || !nodes.matches("\\d+%?")) {
      throw new IllegalArgumentException("budget nodes must be a count or a percentage: " + nodes);
    }
    reasons = Set.copyOf(reasons == null ? Set.of() : reasons);
  }

  public static final Budget DEFAULT = new Budget("10%", null, null, Set.of());
}
