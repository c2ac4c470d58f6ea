package io.flotilla.ports.checkpoint;

/** The kinds of notice a cloud gives before it takes a node away (or may take it). */
public enum InterruptionKind {
  /** A Spot interruption warning: the node goes away about two minutes later. */
  SPOT_INTERRUPTION,
  /** A rebalance recommendation: the node is at elevated risk of interruption. */
  REBALANCE_RECOMMENDATION,
  /** Scheduled maintenance (instance retirement, reboot). */
  SCHEDULED_MAINTENANCE,
  /** The instance is stopping or terminating. */
  INSTANCE_STATE_CHANGE,
  /** An auto-scaling lifecycle hook holds the instance until it is released. */
  LIFECYCLE_HOOK,
  /**
   * Not the cloud's notice: the autoscaler itself drains the node (consolidation, emptiness,
   * expiry), with no deadline but the bound it gives the checkpoint.
   */
  VOLUNTARY_DISRUPTION
}
