package io.flotilla.ports.checkpoint;

import java.time.Duration;

/**
 * Asks the stateful workloads running on a node to checkpoint before the node is drained.
 *
 * <p>The call returns when every job found on the node has an outcome, or when {@code bound} has
 * passed (or the node's expected end minus a drain reserve, whichever is sooner): the drain then
 * proceeds either way. It never throws for a workload problem; those are outcomes in the report.
 */
public interface CheckpointBeforeDrain {

  CheckpointReport checkpointWorkloadsOn(InterruptionWarning warning, Duration bound);
}
