package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import java.time.Instant;
import java.util.List;

/** What the simulated cluster reports, for metrics and for models of what runs in the pods. */
public interface ClusterListener {
  ClusterListener NONE = new ClusterListener() {};

  default void podCreated(Pod pod, Instant at) {}

  /** The pod was bound to a node: it runs from now on (container start is not modelled). */
  default void podBound(Pod pod, Instant at) {}

  /** A running pod was evicted: it stops serving now and ends after its grace period. */
  default void podTerminating(Pod pod, Instant at) {}

  /**
   * A pod is gone ({@code pod} as it was: unbound when it never ran). An evicted pod ends {@link
   * PodEnd#EVICTED} even when its node goes first.
   */
  default void podEnded(Pod pod, PodEnd why, Instant at) {}

  /** A node joined; {@code nodes} have joined and not left, this one included. */
  default void nodeJoined(int nodes, Instant at) {}

  /** A node was cordoned (it was schedulable before). */
  default void nodeCordoned(String node, Instant at) {}

  /** A budget had fewer healthy pods than it requires after a pod ended. */
  default void budgetViolated(String budget, Instant at) {}

  /** Tells each of {@code listeners}, in order. */
  static ClusterListener all(List<? extends ClusterListener> listeners) {
    List<ClusterListener> each = List.copyOf(listeners);
    return new ClusterListener() {
      @Override
      public void podCreated(Pod pod, Instant at) {
        each.forEach(l -> l.podCreated(pod, at));
      }

      @Override
      public void podBound(Pod pod, Instant at) {
        each.forEach(l -> l.podBound(pod, at));
      }

      @Override
      public void podTerminating(Pod pod, Instant at) {
        each.forEach(l -> l.podTerminating(pod, at));
      }

      @Override
      public void podEnded(Pod pod, PodEnd why, Instant at) {
        each.forEach(l -> l.podEnded(pod, why, at));
      }

      @Override
      public void nodeJoined(int nodes, Instant at) {
        each.forEach(l -> l.nodeJoined(nodes, at));
      }

      @Override
      public void nodeCordoned(String node, Instant at) {
        each.forEach(l -> l.nodeCordoned(node, at));
      }

      @Override
      public void budgetViolated(String budget, Instant at) {
        each.forEach(l -> l.budgetViolated(budget, at));
      }
    };
  }
}
