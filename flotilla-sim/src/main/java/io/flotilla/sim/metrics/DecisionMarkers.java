package io.flotilla.sim.metrics;

import io.flotilla.control.disruption.DisruptionDecision;
import java.time.Instant;
import java.util.List;

/**
 * The timeline's markers for the control plane's voluntary decisions, named by what they are:
 * consolidation (a delete or replace of under-used nodes, Karpenter's or the Cluster Autoscaler's
 * scale-down), emptiness, expiry; anything else (a move abandoned, garbage collected) as other.
 */
public final class DecisionMarkers {
  private DecisionMarkers() {}

  /** Marks each decision at {@code at} as "node (reason)". */
  public static void mark(Recorder recorder, List<DisruptionDecision> decisions, Instant at) {
    for (DisruptionDecision d : decisions) {
      recorder.mark(at, kind(d.reason()), d.node() + " (" + d.reason() + ")");
    }
  }

  static String kind(String reason) {
    if (reason.equals(DisruptionDecision.EMPTY)
        || reason.equals(DisruptionDecision.SCALE_DOWN_EMPTY)) {
      return "emptiness";
    }
    if (reason.equals(DisruptionDecision.EXPIRED)) {
      return "expiry";
    }
    if (reason.equals(DisruptionDecision.ABANDONED)) {
      return "other";
    }
    if (reason.startsWith(DisruptionDecision.UNDERUTILIZED)
        || reason.equals(DisruptionDecision.SCALE_DOWN_UNDERUTILIZED)) {
      return "consolidation";
    }
    return "other";
  }
}
