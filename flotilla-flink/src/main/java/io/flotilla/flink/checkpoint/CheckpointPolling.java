package io.flotilla.flink.checkpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * How checkpoint requests are followed.
 *
 * @param pollInterval the wait between two status polls
 * @param drainReserve the time the drain needs after the checkpoint, before the node goes away
 */
public record CheckpointPolling(Duration pollInterval, Duration drainReserve) {

  /** Poll every 100 ms; leave 30 s of the two-minute warning for the drain itself. */
  public static final CheckpointPolling DEFAULT =
      new CheckpointPolling(Duration.ofMillis(100), Duration.ofSeconds(30));

  public CheckpointPolling {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(drainReserve, "drainReserve");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    if (drainReserve.isNegative()) {
      throw new IllegalArgumentException("drainReserve must not be negative, was " + drainReserve);
    }
  }
}
