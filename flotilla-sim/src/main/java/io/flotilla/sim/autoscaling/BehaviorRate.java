package io.flotilla.sim.autoscaling;

import io.flotilla.core.workload.ScalingBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The HPA controller's path for an HPA with a {@code behavior}, as Kubernetes' {@code
 * normalizeDesiredReplicasWithBehaviors} does it: stabilise the recommendation (scale up only to
 * the lowest recommendation of the scale-up window, down only to the highest of the scale-down
 * window), then bound the change by the direction's policies, each counted from the replicas at the
 * start of its period (the scale events within the period undone), combined by the select policy.
 */
final class BehaviorRate {
  private record Recommendation(Instant at, int replicas) {}

  private record ScaleEvent(Instant at, int change) {}

  private final ScalingBehavior behavior;
  private final Deque<Recommendation> recommendations = new ArrayDeque<>();
  private final Deque<ScaleEvent> ups = new ArrayDeque<>();
  private final Deque<ScaleEvent> downs = new ArrayDeque<>();

  BehaviorRate(ScalingBehavior behavior) {
    this.behavior = behavior;
  }

  /** The replicas to go to from the metric's recommendation; {@code min..max} bound the result. */
  int normalize(int current, int recommended, int min, int max, Instant now) {
    int stabilized = stabilize(current, recommended, now);
    if (stabilized > current) {
      int limit = Math.max(current, upLimit(current, now));
      return Math.min(stabilized, Math.min(max, limit));
    }
    if (stabilized < current) {
      int limit = Math.min(current, downLimit(current, now));
      return Math.max(stabilized, Math.max(min, limit));
    }
    return stabilized;
  }

  /**
   * The HPA scaled its target: remembered for the policies' periods (either direction's, since a
   * period's starting replicas undo the changes of both).
   */
  void scaled(int from, int to, Instant now) {
    Duration longest = behavior.scaleUp().longestPeriod();
    if (behavior.scaleDown().longestPeriod().compareTo(longest) > 0) {
      longest = behavior.scaleDown().longestPeriod();
    }
    prune(ups, longest, now);
    prune(downs, longest, now);
    if (to > from) {
      ups.addLast(new ScaleEvent(now, to - from));
    } else if (to < from) {
      downs.addLast(new ScaleEvent(now, from - to));
    }
  }

  private int stabilize(int current, int recommended, Instant now) {
    Instant upCutoff = now.minus(behavior.scaleUp().stabilization());
    Instant downCutoff = now.minus(behavior.scaleDown().stabilization());
    int up = recommended;
    int down = recommended;
    for (Iterator<Recommendation> it = recommendations.iterator(); it.hasNext(); ) {
      Recommendation r = it.next();
      boolean inUp = r.at().isAfter(upCutoff);
      boolean inDown = r.at().isAfter(downCutoff);
      if (inUp) {
        up = Math.min(up, r.replicas());
      }
      if (inDown) {
        down = Math.max(down, r.replicas());
      }
      if (!inUp && !inDown) {
        it.remove();
      }
    }
    recommendations.addLast(new Recommendation(now, recommended));
    int out = Math.max(current, up);
    return Math.min(out, down);
  }

  private int upLimit(int current, Instant now) {
    ScalingBehavior.Rules rules = behavior.scaleUp();
    if (rules.select() == ScalingBehavior.Select.DISABLED) {
      return current;
    }
    boolean min = rules.select() == ScalingBehavior.Select.MIN;
    int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (ScalingBehavior.Policy p : rules.policies()) {
      int start = current - changed(ups, p.period(), now) + changed(downs, p.period(), now);
      int proposed =
          p.type() == ScalingBehavior.PolicyType.PODS
              ? start + p.value()
              : (int) Math.ceil(start * (1 + p.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  private int downLimit(int current, Instant now) {
    ScalingBehavior.Rules rules = behavior.scaleDown();
    if (rules.select() == ScalingBehavior.Select.DISABLED) {
      return current;
    }
    // The smallest change ('Min') leaves the most replicas, so the limits combine the other way.
    boolean min = rules.select() == ScalingBehavior.Select.MIN;
    int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingBehavior.Policy p : rules.policies()) {
      int start = current - changed(ups, p.period(), now) + changed(downs, p.period(), now);
      int proposed =
          p.type() == ScalingBehavior.PolicyType.PODS
              ? start - p.value()
              : (int) (start * (1 - p.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  /** Replicas changed by the events within the period before now. */
  private static int changed(Deque<ScaleEvent> events, Duration period, Instant now) {
    Instant cutoff = now.minus(period);
    int sum = 0;
    for (ScaleEvent e : events) {
      if (e.at().isAfter(cutoff)) {
        sum += e.change();
      }
    }
    return sum;
  }

  private static void prune(Deque<ScaleEvent> events, Duration longest, Instant now) {
    Instant cutoff = now.minus(longest);
    while (!events.isEmpty() && !events.peekFirst().at().isAfter(cutoff)) {
      events.removeFirst();
    }
  }
}
