package io.flotilla.core.workload;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import java.util.Collection;
import java.util.Objects;

/**
 * A PodDisruptionBudget: among the pods of {@code namespace} its selector matches, at least {@code
 * minAvailable} must stay healthy, or at most {@code maxUnavailable} may be unhealthy (exactly one
 * of the two). Each is a count or a percentage of the pods the budget covers, rounded up, as
 * Kubernetes' disruption controller computes them.
 */
public record DisruptionBudget(
    String namespace,
    String name,
    LabelSelector selector,
    Amount minAvailable,
    Amount maxUnavailable) {

  /** A count ({@code 2}) or a percentage ({@code "50%"}) of the covered pods. */
  public record Amount(int value, boolean percent) {
    public Amount {
      if (value < 0 || (percent && value > 100)) {
        throw new IllegalArgumentException("bad amount " + value + (percent ? "%" : ""));
      }
    }

    /** Parses an IntOrString as a PDB holds it: {@code 3} or {@code "30%"}. */
    public static Amount parse(String text) {
      String t = text.trim();
      try {
        return t.endsWith("%")
            ? new Amount(Integer.parseInt(t.substring(0, t.length() - 1).trim()), true)
            : new Amount(Integer.parseInt(t), false);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a count or a percentage: '" + text + "'", e);
      }
    }

    /** The amount out of {@code total} pods, a percentage rounded up. */
    int of(int total) {
      return percent ? (int) Math.ceil(value * total / 100.0) : value;
    }
  }

  public DisruptionBudget {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(selector, "selector");
    if ((minAvailable == null) == (maxUnavailable == null)) {
      throw new IllegalArgumentException(
          "PodDisruptionBudget "
              + namespace
              + "/"
              + name
              + ": exactly one of minAvailable and maxUnavailable must be set");
    }
  }

  public boolean covers(Pod pod) {
    return pod.id().namespace().equals(namespace) && selector.matches(pod.labels());
  }

  /**
   * How many more of the covered pods may be evicted now: healthy pods beyond those the budget must
   * keep, never below 0. {@code covered} are all pods the budget covers (their number is what
   * percentages are of), {@code healthy} how many of them are running and ready.
   */
  public int disruptionsAllowed(Collection<Pod> covered, int healthy) {
    int expected = covered.size();
    int desiredHealthy =
        minAvailable != null
            ? minAvailable.of(expected)
            : Math.max(0, expected - maxUnavailable.of(expected));
    return Math.max(0, healthy - desiredHealthy);
  }
}
