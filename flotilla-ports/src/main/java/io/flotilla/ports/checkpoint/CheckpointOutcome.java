package io.flotilla.ports.checkpoint;

/** How a checkpoint requested before a drain ended. */
public enum CheckpointOutcome {
  /** The checkpoint completed; its id is known. */
  COMPLETED,
  /** Flink reported the checkpoint as failed; the cause is known. */
  FAILED,
  /** The checkpoint did not complete within the bound; the drain goes on without it. */
  TIMED_OUT,
  /** The Flink cluster does not know the job (it ended, or the id is wrong). */
  UNKNOWN_JOB,
  /** The Flink REST endpoint could not be reached. */
  UNREACHABLE
}
