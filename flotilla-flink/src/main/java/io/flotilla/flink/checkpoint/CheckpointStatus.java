package io.flotilla.flink.checkpoint;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of a triggered checkpoint, as polled.
 *
 * @param done whether Flink finished handling the request
 * @param checkpointId the completed checkpoint, when done and successful
 * @param failure the failure cause, when done and failed
 */
public record CheckpointStatus(boolean done, OptionalLong checkpointId, Optional<String> failure) {

  static CheckpointStatus inProgress() {
    return new CheckpointStatus(false, OptionalLong.empty(), Optional.empty());
  }

  static CheckpointStatus completed(long checkpointId) {
    return new CheckpointStatus(true, OptionalLong.of(checkpointId), Optional.empty());
  }

  static CheckpointStatus failed(String cause) {
    return new CheckpointStatus(true, OptionalLong.empty(), Optional.of(cause));
  }
}
