package io.flotilla.control.disruption;

import java.time.Duration;
import java.util.Objects;

/**
 * How voluntary disruption removes nodes. {@code CONSOLIDATION} is Karpenter v1's (expiry,
 * emptiness, multi-node then single-node consolidation under the pools' budgets); {@code
 * SCALE_DOWN} is the Cluster Autoscaler's (no replacement, no expiry; see {@link
 * ScaleDownSettings}).
 *
 * <p>{@code maxReplacementsPerNode}: how many cheaper nodes may replace one node (Karpenter: 1;
 * more lets one node be split into several). {@code spotToSpotMinTypes}: a Spot node is replaced by
 * a Spot node only if at least this many cheaper Spot instance types could take its pods
 * (Karpenter: 15). {@code multiNodeCandidates}: the most candidates multi-node consolidation
 * considers at once (Karpenter: 100). {@code singleNodeAttemptsPerPass}: how many nodes one pass
 * simulates alone. {@code multiNodeInterval}: the least time between two multi-node searches (its
 * binary search is the costly part; Karpenter gives one search at most a minute). {@code
 * validationDelay}: how long after a decision it is checked again before it is acted on (Karpenter:
 * 15 s). {@code replacementTimeout}: how long replacements have to join before the move is given
 * up. {@code retryAfter}: a node whose simulation found nothing is simulated again when its pods
 * change, when nodes join or leave, or once this has passed and the cluster changed.
 */
public record DisruptionSettings(
    Mode mode,
    int maxReplacementsPerNode,
    int spotToSpotMinTypes,
    int multiNodeCandidates,
    int singleNodeAttemptsPerPass,
    Duration multiNodeInterval,
    Duration validationDelay,
    Duration replacementTimeout,
    Duration retryAfter,
    ScaleDownSettings scaleDown) {

  /** Which autoscaler's voluntary disruption runs. */
  public enum Mode {
    CONSOLIDATION,
    SCALE_DOWN
  }

  /** Karpenter v1 as documented: at most one replacement node, the 15-type Spot rule. */
  public static final DisruptionSettings KARPENTER =
      new DisruptionSettings(
          Mode.CONSOLIDATION,
          1,
          15,
          100,
          2,
          Duration.ofMinutes(1),
          Duration.ofSeconds(15),
          Duration.ofMinutes(10),
          Duration.ofMinutes(5),
          ScaleDownSettings.CLUSTER_AUTOSCALER);

  /** Karpenter's rules, and a node may also be replaced by up to 4 cheaper nodes (1 -> N). */
  public static final DisruptionSettings FLOTILLA =
      new DisruptionSettings(
          Mode.CONSOLIDATION,
          4,
          15,
          100,
          2,
          Duration.ofMinutes(1),
          Duration.ofSeconds(15),
          Duration.ofMinutes(10),
          Duration.ofMinutes(5),
          ScaleDownSettings.CLUSTER_AUTOSCALER);

  /** The Cluster Autoscaler's scale-down with its defaults. */
  public static final DisruptionSettings CLUSTER_AUTOSCALER =
      new DisruptionSettings(
          Mode.SCALE_DOWN,
          0,
          15,
          100,
          2,
          Duration.ofMinutes(1),
          Duration.ZERO,
          Duration.ofMinutes(10),
          Duration.ofMinutes(5),
          ScaleDownSettings.CLUSTER_AUTOSCALER);

  public DisruptionSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(multiNodeInterval, "multiNodeInterval");
    Objects.requireNonNull(validationDelay, "validationDelay");
    Objects.requireNonNull(replacementTimeout, "replacementTimeout");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(scaleDown, "scaleDown");
    if (maxReplacementsPerNode < 0 || spotToSpotMinTypes < 0) {
      throw new IllegalArgumentException("replacement limits must not be negative");
    }
    if (multiNodeCandidates < 2 || singleNodeAttemptsPerPass < 1) {
      throw new IllegalArgumentException(
          "consolidation needs at least 2 multi-node candidates and 1 single-node attempt");
    }
    if (validationDelay.isNegative() || retryAfter.isNegative() || multiNodeInterval.isNegative()) {
      throw new IllegalArgumentException("disruption delays must not be negative");
    }
    if (replacementTimeout.isNegative() || replacementTimeout.isZero()) {
      throw new IllegalArgumentException("replacement timeout must be positive");
    }
  }

  /** The same settings acting on a move after {@code delay} (zero: at once, no second look). */
  public DisruptionSettings withValidationDelay(Duration delay) {
    return new DisruptionSettings(
        mode,
        maxReplacementsPerNode,
        spotToSpotMinTypes,
        multiNodeCandidates,
        singleNodeAttemptsPerPass,
        multiNodeInterval,
        delay,
        replacementTimeout,
        retryAfter,
        scaleDown);
  }
}
