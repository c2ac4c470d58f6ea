package io.flotilla.control.interruption;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A checkpoint asked for before a drain: when, within what bound, and whether it finished. */
public record CheckpointProgress(Instant askedAt, Duration bound, boolean finished) {
  public CheckpointProgress {
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(bound, "bound");
  }

  /** The drain waits while the checkpoint runs and its bound has not passed. */
  boolean holdsDrainAt(Instant now) {
    return !finished && now.isBefore(askedAt.plus(bound));
  }
}
