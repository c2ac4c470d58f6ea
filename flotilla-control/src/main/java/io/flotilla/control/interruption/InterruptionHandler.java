package io.flotilla.control.interruption;

import io.flotilla.control.command.CheckpointWorkloads;
import io.flotilla.control.command.Command;
import io.flotilla.control.command.Cordon;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Evict;
import io.flotilla.control.command.Replace;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.checkpoint.InterruptionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The termination handler's response to a warning, as commands, decided afresh from what it sees
 * each time it looks (level-triggered, like a Kubernetes controller): cordon the node and ask for
 * replacement capacity at once; if TaskManagers run there, have their jobs checkpoint first, within
 * what is left before the node goes less the drain's reserve; then evict what the disruption
 * budgets allow, and delete the node once only DaemonSet pods remain (or when it is gone).
 */
public final class InterruptionHandler {
  private final InterruptionSettings settings;

  public InterruptionHandler(InterruptionSettings settings) {
    this.settings = settings;
  }

  public List<Command> decide(WarnedNode state, Instant now) {
    if (state.warning().kind() == InterruptionKind.REBALANCE_RECOMMENDATION
        && !settings.actOnRebalance()) {
      return List.of();
    }
    String node = state.node();
    if (!now.isBefore(state.warning().nodeGoneAt())) {
      return List.of(new DeleteNode(node, "instance gone: " + kind(state)));
    }
    List<Command> commands = new ArrayList<>();
    List<Pod> evictable = state.evictable();
    if (!state.cordoned()) {
      commands.add(new Cordon(node));
    }
    if (!state.replacementRequested() && !evictable.isEmpty()) {
      commands.add(new Replace(node, evictable.stream().map(Pod::id).toList()));
    }
    boolean taskManagers =
        evictable.stream().anyMatch(p -> settings.taskManagers().matches(p.labels()));
    if (settings.checkpointOnWarning() && taskManagers) {
      if (state.checkpoint().isEmpty()) {
        Duration left = Duration.between(now, state.warning().nodeGoneAt());
        Duration bound = left.minus(settings.drainReserve());
        commands.add(
            new CheckpointWorkloads(state.warning(), bound.isNegative() ? Duration.ZERO : bound));
        return commands;
      }
      if (state.checkpoint().get().holdsDrainAt(now)) {
        return commands;
      }
    }
    List<PodId> evict = allowedEvictions(state, evictable);
    if (!evict.isEmpty()) {
      commands.add(new Evict(node, evict));
    }
    // Pods being evicted are still on the node until they end; only DaemonSet pods may remain.
    if (evictable.isEmpty()) {
      commands.add(new DeleteNode(node, "drained: " + kind(state)));
    }
    return commands;
  }

  private static String kind(WarnedNode state) {
    return state.warning().kind().name().toLowerCase().replace('_', ' ');
  }

  /**
   * The node's pods not yet terminating that every budget covering them lets go now, taken in
   * order; each eviction uses up one disruption of each of its budgets.
   */
  private static List<PodId> allowedEvictions(WarnedNode state, List<Pod> evictable) {
    Map<DisruptionBudget, Integer> allowed = new HashMap<>();
    for (DisruptionBudget b : state.budgets()) {
      List<Pod> covered = state.pods().stream().filter(b::covers).toList();
      int healthy =
          (int)
              covered.stream()
                  .filter(p -> p.bound() && !state.terminating().contains(p.id()))
                  .count();
      allowed.put(b, b.disruptionsAllowed(covered, healthy));
    }
    List<PodId> out = new ArrayList<>();
    for (Pod p : evictable) {
      if (state.terminating().contains(p.id())) {
        continue;
      }
      List<DisruptionBudget> mine = state.budgets().stream().filter(b -> b.covers(p)).toList();
      if (mine.stream().allMatch(b -> allowed.get(b) > 0)) {
        mine.forEach(b -> allowed.merge(b, -1, Integer::sum));
        out.add(p.id());
      }
    }
    return out;
  }
}
