package io.flotilla.control.interruption;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint asked for before TaskManagers are evicted from a node: when, within what bound, and
 * whether an eviction has used it already (a later eviction of TaskManagers needs a fresh one, or
 * its job would restart from a checkpoint older than the work it loses).
 */
public record CheckpointProgress(Instant askedAt, Duration bound, boolean used) {
  public CheckpointProgress {
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(bound, "bound");
  }

  /** The drain waits while the checkpoint runs and its bound has not passed. */
  boolean holdsDrainAt(Instant now) {
    return !used && now.isBefore(askedAt.plus(bound));
  }

  /**
   * Whether evictions may still rely on it: not used yet, and finished no longer than {@code slack}
   * ago (a drain held up longer, by budgets or a replacement, needs a new one).
   */
  boolean freshAt(Instant now, Duration slack) {
    return !used && !now.isAfter(askedAt.plus(bound).plus(slack));
  }

  /** The same checkpoint once an eviction has followed it. */
  public CheckpointProgress markUsed() {
    return new CheckpointProgress(askedAt, bound, true);
  }
}
