package io.flotilla.sim.autoscaling;

import java.util.OptionalInt;

/**
 * Kubernetes' replica count for a CPU utilisation target (the HPA controller's replica calculator),
 * for the pods the simulation has: running pods report their share of the usage, pending pods have
 * not started (Kubernetes counts them as unready: left out of the ratio, and at 0 % when it would
 * scale up, so pods still starting damp a scale-up), terminating pods are ignored. Utilisation is
 * an integer percentage of the requests, as the metrics client computes it; within the tolerance of
 * the target nothing changes.
 */
public final class ReplicaCalculator {
  /** Kubernetes' default: no change while usage is within 10 % of the target. */
  public static final double TOLERANCE = 0.1;

  private ReplicaCalculator() {}

  /**
   * The replicas the usage asks for, or none when there is no metric to go by (no running pod, or
   * no CPU request).
   *
   * @param current the target's replicas now (its spec)
   * @param running pods running (each reports usage / running cores)
   * @param pending pods not running yet
   * @param usageCores CPU the running pods use together
   * @param requestMillis each pod's CPU request in millicores
   * @param targetPercent the target utilisation of the requests
   */
  public static OptionalInt desired(
      int current,
      int running,
      int pending,
      double usageCores,
      long requestMillis,
      int targetPercent,
      double tolerance) {
    if (running <= 0 || requestMillis <= 0) {
      return OptionalInt.empty();
    }
    long perPod = (long) Math.floor(Math.max(0, usageCores) * 1000 / running);
    long usage = perPod * running;
    double ratio = utilisation(usage, requestMillis * running) / (double) targetPercent;
    boolean scaleUpWithUnready = pending > 0 && ratio > 1.0;
    if (!scaleUpWithUnready) {
      if (Math.abs(1.0 - ratio) <= tolerance) {
        return OptionalInt.of(current);
      }
      return OptionalInt.of((int) Math.ceil(ratio * running));
    }
    // Scaling up with pods still starting: those count at 0 % of their requests.
    int counted = running + pending;
    double newRatio = utilisation(usage, requestMillis * counted) / (double) targetPercent;
    if (Math.abs(1.0 - newRatio) <= tolerance || newRatio < 1.0) {
      return OptionalInt.of(current);
    }
    int replicas = (int) Math.ceil(newRatio * counted);
    return OptionalInt.of(Math.max(replicas, current));
  }

  /** Utilisation in whole percent of the requests, truncated (the metrics client's arithmetic). */
  private static long utilisation(long usageMillis, long requestMillis) {
    return usageMillis * 100 / requestMillis;
  }
}
