package io.flotilla.control.manager;

import io.flotilla.control.interruption.InterruptionSettings;
import io.flotilla.control.provisioning.Backoff;
import io.flotilla.control.provisioning.BatchWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loops behave: batching of pending pods, the termination handler's settings, the launch
 * back-off and how often voluntary disruption looks at the fleet (Karpenter: every 10 s).
 */
public record ControlSettings(
    BatchWindow batch,
    InterruptionSettings interruption,
    Backoff backoff,
    Duration disruptionInterval) {
  public static final ControlSettings FLOTILLA =
      new ControlSettings(
          BatchWindow.DEFAULT,
          InterruptionSettings.FLOTILLA,
          Backoff.DEFAULT,
          Duration.ofSeconds(10));

  public static final ControlSettings KARPENTER =
      new ControlSettings(
          BatchWindow.DEFAULT,
          InterruptionSettings.KARPENTER,
          Backoff.DEFAULT,
          Duration.ofSeconds(10));

  public ControlSettings {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(interruption, "interruption");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(disruptionInterval, "disruptionInterval");
  }

  public ControlSettings withInterruption(InterruptionSettings settings) {
    return new ControlSettings(batch, settings, backoff, disruptionInterval);
  }
}
