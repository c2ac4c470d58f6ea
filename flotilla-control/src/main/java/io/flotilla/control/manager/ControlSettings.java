package io.flotilla.control.manager;

import io.flotilla.control.disruption.DisruptionSettings;
import io.flotilla.control.garbage.GarbageCollection;
import io.flotilla.control.interruption.InterruptionSettings;
import io.flotilla.control.provisioning.Backoff;
import io.flotilla.control.provisioning.BatchWindow;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loops behave: batching of pending pods, the termination handler's settings, the launch
 * back-off, how often voluntary disruption looks at the fleet (Karpenter: every 10 s) and how it
 * removes nodes, and garbage collection.
 */
public record ControlSettings(
    BatchWindow batch,
    InterruptionSettings interruption,
    Backoff backoff,
    Duration disruptionInterval,
    DisruptionSettings disruption,
    GarbageCollection garbageCollection) {
  /** Flotilla: checkpoint before draining, act on rebalance, consolidation may split 1 -> N. */
  public static final ControlSettings FLOTILLA =
      new ControlSettings(
          BatchWindow.DEFAULT,
          InterruptionSettings.FLOTILLA,
          Backoff.DEFAULT,
          Duration.ofSeconds(10),
          DisruptionSettings.FLOTILLA,
          GarbageCollection.KARPENTER);

  /** Karpenter v1 as documented. */
  public static final ControlSettings KARPENTER =
      new ControlSettings(
          BatchWindow.DEFAULT,
          InterruptionSettings.KARPENTER,
          Backoff.DEFAULT,
          Duration.ofSeconds(10),
          DisruptionSettings.KARPENTER,
          GarbageCollection.KARPENTER);

  /**
   * The Cluster Autoscaler (scan every 10 s, scale-down of underutilised nodes, no consolidation)
   * with the Node Termination Handler for interruptions.
   */
  public static final ControlSettings CLUSTER_AUTOSCALER =
      new ControlSettings(
          BatchWindow.DEFAULT,
          InterruptionSettings.NODE_TERMINATION_HANDLER,
          Backoff.DEFAULT,
          Duration.ofSeconds(10),
          DisruptionSettings.CLUSTER_AUTOSCALER,
          GarbageCollection.KARPENTER);

  public ControlSettings {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(interruption, "interruption");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(disruptionInterval, "disruptionInterval");
    Objects.requireNonNull(disruption, "disruption");
    Objects.requireNonNull(garbageCollection, "garbageCollection");
  }

  /** Settings with Flotilla's voluntary disruption and Karpenter's garbage collection. */
  public ControlSettings(
      BatchWindow batch,
      InterruptionSettings interruption,
      Backoff backoff,
      Duration disruptionInterval) {
    this(
        batch,
        interruption,
        backoff,
        disruptionInterval,
        DisruptionSettings.FLOTILLA,
        GarbageCollection.KARPENTER);
  }

  public ControlSettings withInterruption(InterruptionSettings settings) {
    return new ControlSettings(
        batch, settings, backoff, disruptionInterval, disruption, garbageCollection);
  }

  public ControlSettings withDisruption(DisruptionSettings settings) {
    return new ControlSettings(
        batch, interruption, backoff, disruptionInterval, settings, garbageCollection);
  }

  public ControlSettings withGarbageCollection(GarbageCollection settings) {
    return new ControlSettings(
        batch, interruption, backoff, disruptionInterval, disruption, settings);
  }
}
