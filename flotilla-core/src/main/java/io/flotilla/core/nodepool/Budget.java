package io.flotilla.core.nodepool;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A disruption budget: at most {@code nodes} ("10%" or a count) disrupted at once, optionally only
 * during a cron {@code schedule} window of {@code duration}, for the given reasons (empty: all).
 */
public record Budget(String nodes, CronSchedule schedule, Duration duration, Set<String> reasons) {
  public Budget {
    if (nodes == null || !nodes.matches("\\d+%?")) {
      throw new IllegalArgumentException("budget nodes must be a count or a percentage: " + nodes);
    }
    if ((schedule == null) != (duration == null)) {
      throw new IllegalArgumentException("a budget's schedule and duration go together");
    }
    reasons = Set.copyOf(reasons == null ? Set.of() : reasons);
  }

  public static final Budget DEFAULT = new Budget("10%", null, null, Set.of());

  /**
   * How many of a pool's {@code poolNodes} nodes this budget lets be disrupting at {@code now} for
   * {@code reason} (Empty, Drifted or Underutilized), a percentage rounded up as Karpenter does; or
   * nothing when it does not apply then (outside its schedule's window, or another reason's).
   */
  public OptionalInt allowed(int poolNodes, Instant now, String reason) {
    if (!reasons.isEmpty() && !reasons.contains(reason)) {
      return OptionalInt.empty();
    }
    if (schedule != null && !schedule.activeAt(now, duration)) {
      return OptionalInt.empty();
    }
    if (nodes.endsWith("%")) {
      int percent = Integer.parseInt(nodes.substring(0, nodes.length() - 1));
      return OptionalInt.of((int) Math.ceil(percent * poolNodes / 100.0));
    }
    return OptionalInt.of(Integer.parseInt(nodes));
  }
}
