package io.flotilla.sim.cloud;

import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cloud.CloudInstance;

/** What the simulated cloud tells the rest of the world. */
public interface CloudListener {
  /** The instance booted and its kubelet registers the node. */
  void ready(CloudInstance instance);

  /** A notice for the instance's node (the event source's message). */
  void warning(InterruptionWarning warning);

  /** The instance is gone: reclaimed, or terminated on request. */
  void terminated(CloudInstance instance, boolean reclaimed);
}
