package io.flotilla.control.interruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Cordon;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Replace;
import io.flotilla.core.pod.Pod;
import io.flotilla.ports.checkpoint.InterruptionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The termination handler's response to a warning, as commands, decided afresh from what it sees
 * each time it looks (level-triggered, like a Kubernetes controller): cordon the node and ask for
 * replacement capacity at once; where configured, wait until that capacity is ready or the latest
 * drain start (two drain reserves before the node goes) has come; then evict what the disruption
 * budgets allow, each wave that takes TaskManagers after their jobs checkpointed (within what is
 * left before the node goes less the drain's reserve; {@link CheckpointingDrainer}), and delete the
 * node once only DaemonSet pods remain (or when it is gone).
 */
public final class InterruptionHandler {
  private final InterruptionSettings settings;
  private final CheckpointingDrainer drainer;

  public InterruptionHandler(InterruptionSettings settings) {
    this.settings = settings;
    this.drainer = new CheckpointingDrainer(settings);
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
    List<Pod> evictable = state.cluster().evictableOn(node);
    if (!state.cordoned()) {
      commands.add(new Cordon(node));
    }
    if (!state.replacementRequested() && !evictable.isEmpty()) {
      commands.add(new Replace(node, evictable.stream().map(Pod::id).toList()));
    }
    // Draining before the replacement is ready leaves the pods pending meanwhile (a Flink job runs
    // smaller, then rescales again); with time to spare, wait for it.
    // (The pass that asks for the replacement has not planned it yet: it waits too.)
    if (settings.awaitReplacement()
        && !evictable.isEmpty()
        && (!state.replacementRequested() || !state.replacementReady())
        && now.isBefore(settings.latestDrainStart(state.warning().nodeGoneAt()))) {
      return commands;
    }
    commands.addAll(
        drainer.next(
            state.warning(), state.cluster(), "drained: " + kind(state), state.checkpoint(), now));
    return commands;
  }

  private static String kind(WarnedNode state) {
    return state.warning().kind().name().toLowerCase().replace('_', ' ');
  }
}
