package io.flotilla.control.manager;

import io.flotilla.control.command.Command;
import io.flotilla.control.provisioning.LaunchResult;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.cluster.EvictionOutcome;
import java.time.Instant;

/** What the control plane did, for metrics and logs; every method does nothing by default. */
public interface ControlEvents {
  ControlEvents NONE = new ControlEvents() {};

  default void decided(Command command, Instant at) {}

  default void launched(LaunchResult result, Instant at) {}

  default void evicted(PodId pod, EvictionOutcome outcome, Instant at) {}
}
