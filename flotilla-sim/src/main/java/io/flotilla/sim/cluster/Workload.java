package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import java.util.Objects;

/**
 * A controller that keeps {@code replicas} pods of a template: a Deployment replaces a pod as soon
 * as it starts terminating (its ReplicaSet no longer counts it); a StatefulSet only once it is
 * gone, under the same name.
 */
public record Workload(String namespace, String name, Kind kind, Pod template, int replicas) {
  public enum Kind {
    DEPLOYMENT,
    STATEFUL_SET
  }

  public Workload {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(template, "template");
    if (replicas < 0) {
      throw new IllegalArgumentException(name + ": negative replicas " + replicas);
    }
  }

  public Workload withReplicas(int count) {
    return new Workload(namespace, name, kind, template, count);
  }
}
