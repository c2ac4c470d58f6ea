package io.flotilla.control.manager;

import io.flotilla.ports.checkpoint.CheckpointBeforeDrain;
import io.flotilla.ports.cloud.Cloud;
import io.flotilla.ports.cluster.Cluster;
import java.util.Objects;

/** The ports the control plane acts through. */
public record ControlPorts(Cloud cloud, Cluster cluster, CheckpointBeforeDrain checkpoints) {
  public ControlPorts {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(checkpoints, "checkpoints");
  }
}
