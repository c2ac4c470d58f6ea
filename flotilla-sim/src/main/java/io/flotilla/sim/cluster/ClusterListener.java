package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import java.time.Instant;

/** What the simulated cluster reports for metrics. */
public interface ClusterListener {
  ClusterListener NONE = new ClusterListener() {};

  default void podCreated(Pod pod, Instant at) {}

  default void podBound(Pod pod, Instant at) {}

  /** A running pod ended; {@code evicted} when through the eviction API, else with its node. */
  default void podEnded(Pod pod, boolean evicted, Instant at) {}

  /** A node joined; {@code nodes} have joined and not left, this one included. */
  default void nodeJoined(int nodes, Instant at) {}

  /** A budget had fewer healthy pods than it requires after a pod ended. */
  default void budgetViolated(String budget, Instant at) {}
}
