package io.flotilla.sim.flink;

import io.flotilla.sim.flink.RecordFlow.Position;
import java.time.Duration;
import java.time.Instant;

/**
 * A Flink job's checkpoint bookkeeping, as its CheckpointCoordinator keeps it: the checkpoint in
 * flight (one at a time), whether a requested one waits for it to complete, and the restore point,
 * the position of the last completed checkpoint. {@link FlinkJob} decides when to trigger and
 * schedules the completions; this only keeps the books, so the job's life reads apart from them.
 */
final class CheckpointCoordinator {
  /** A checkpoint triggered and not completed yet. */
  record InFlight(long id, Position position, Instant triggeredAt, Instant completesAt) {}

  private final Duration duration;
  private long ids;
  private InFlight inFlight;
  private boolean requestQueued;
  private Position restorePoint = new Position(0, 0);

  CheckpointCoordinator(Duration duration) {
    this.duration = duration;
  }

  /** The checkpoint in flight, or null. */
  InFlight inFlight() {
    return inFlight;
  }

  /** Whether checkpoint {@code id} is the one in flight. */
  boolean inFlight(long id) {
    return inFlight != null && inFlight.id() == id;
  }

  /** Triggers the next checkpoint at {@code position}: it completes a duration from now. */
  InFlight trigger(Position position, Instant now) {
    InFlight c = new InFlight(++ids, position, now, now.plus(duration));
    inFlight = c;
    return c;
  }

  /** A requested checkpoint is to be triggered when the one in flight completes. */
  void queueRequest() {
    requestQueued = true;
  }

  /**
   * The checkpoint in flight completed: it is the restore point. Returns whether a requested one
   * was queued behind it (and is to be triggered now).
   */
  boolean complete() {
    restorePoint = inFlight.position();
    inFlight = null;
    boolean queued = requestQueued;
    requestQueued = false;
    return queued;
  }

  /**
   * A checkpoint completing at this very instant counts before a pod lost at it, whichever event
   * the queue runs first (its completion event then finds nothing left to do).
   */
  void completeDue(Instant now) {
    if (inFlight != null && !inFlight.completesAt().isAfter(now)) {
      restorePoint = inFlight.position();
    }
  }

  Position restorePoint() {
    return restorePoint;
  }

  /** The job restarted from {@code position}: it is the restore point, nothing is in flight. */
  void restartedAt(Position position) {
    restorePoint = position;
    inFlight = null;
    requestQueued = false;
  }
}
