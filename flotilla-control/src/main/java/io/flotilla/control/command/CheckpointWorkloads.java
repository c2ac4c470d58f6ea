package io.flotilla.control.command;

import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.time.Duration;
import java.util.Objects;

/**
 * Ask the stateful jobs with TaskManagers on the warned node to checkpoint, within {@code bound}
 * (what is left before the node goes, less the time its drain needs).
 */
public record CheckpointWorkloads(InterruptionWarning warning, Duration bound) implements Command {
  public CheckpointWorkloads {
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(bound, "bound");
  }
}
