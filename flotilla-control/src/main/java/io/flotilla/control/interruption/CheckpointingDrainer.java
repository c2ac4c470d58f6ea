package io.flotilla.control.interruption;

import io.flotilla.control.command.CheckpointWorkloads;
import io.flotilla.control.command.Command;
import io.flotilla.control.command.Evict;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.drain.Drainer;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The drain step with checkpoint-before-drain: whenever the next evictions would take TaskManagers
 * off the node and no unused checkpoint was asked for since the last eviction, the jobs checkpoint
 * first and the evictions wait for it (within its bound). A drain paced by disruption budgets
 * evicts TaskManagers in several waves; each wave gets its own checkpoint, so no wave restarts its
 * job from a checkpoint taken before the previous wave's restart.
 */
public final class CheckpointingDrainer {
  /**
   * How long a voluntary drain (consolidation, emptiness, expiry) waits at most for a checkpoint:
   * no deadline forces it, so it waits as long as a Spot notice would allow.
   */
  public static final Duration VOLUNTARY_BOUND = Duration.ofMinutes(2);

  private final InterruptionSettings settings;
  private final Drainer drainer = new Drainer();

  public CheckpointingDrainer(InterruptionSettings settings) {
    this.settings = settings;
  }

  /**
   * The next step of draining the warning's node.
   *
   * @param warning the notice (or, for a voluntary drain, the autoscaler's own with its bound as
   *     deadline), passed on to the checkpoint
   * @param checkpoint the checkpoint asked for on this node so far, if any
   */
  public List<Command> next(
      InterruptionWarning warning,
      ClusterPods cluster,
      String reason,
      Optional<CheckpointProgress> checkpoint,
      Instant now) {
    List<Command> drain = drainer.next(warning.nodeName(), cluster, reason);
    if (!settings.checkpointOnWarning() || !evictsTaskManagers(drain, warning, cluster)) {
      return drain;
    }
    if (checkpoint.isPresent() && checkpoint.get().freshAt(now, settings.drainReserve())) {
      return checkpoint.get().holdsDrainAt(now) ? List.of() : drain;
    }
    Duration bound = Duration.between(now, warning.nodeGoneAt()).minus(settings.drainReserve());
    if (bound.isNegative() || bound.isZero()) {
      return drain; // no time left to checkpoint: evicting now loses less than waiting
    }
    return List.of(new CheckpointWorkloads(warning, bound));
  }

  /** The warning Flotilla gives itself when it drains a node of its own accord. */
  public static InterruptionWarning voluntary(String node, Duration reserve, Instant now) {
    return new InterruptionWarning(
        node, InterruptionKind.VOLUNTARY_DISRUPTION, now.plus(VOLUNTARY_BOUND).plus(reserve));
  }

  private boolean evictsTaskManagers(
      List<Command> drain, InterruptionWarning warning, ClusterPods cluster) {
    Set<PodId> evicted = new HashSet<>();
    for (Command c : drain) {
      if (c instanceof Evict e) {
        evicted.addAll(e.pods());
      }
    }
    if (evicted.isEmpty()) {
      return false;
    }
    for (Pod p : cluster.evictableOn(warning.nodeName())) {
      if (evicted.contains(p.id()) && settings.taskManagers().matches(p.labels())) {
        return true;
      }
    }
    return false;
  }
}
