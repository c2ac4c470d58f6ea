package io.flotilla.ports.cloud;

import java.util.List;

/**
 * The cloud as the control loops use it: launch and terminate instances and list them. An embedded
 * simulation and a real provider implement it; the loops never know which.
 */
public interface Cloud {
  /** Launches one instance; a refusal is an outcome, not an exception. */
  LaunchOutcome launch(LaunchRequest request);

  /** Terminates an instance; terminating one that is already gone does nothing. */
  void terminate(String instanceId);

  /** The instances running now. */
  List<CloudInstance> instances();
}
