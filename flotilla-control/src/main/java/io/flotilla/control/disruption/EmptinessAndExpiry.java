package io.flotilla.control.disruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Disrupt;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The voluntary disruptions that need no scheduling simulation, per pool as Karpenter v1 does them:
 * expiry ({@code expireAfter}), which is forceful (no budget, no do-not-disrupt holds it; the drain
 * still respects PodDisruptionBudgets), then emptiness: nodes empty for {@code consolidateAfter}
 * under a consolidation policy, longest empty first, as many as the pool's disruption budgets for
 * the reason {@code Empty} allow beside the nodes already being disrupted.
 */
public final class EmptinessAndExpiry {
  public List<Command> decide(List<FleetNode> nodes, List<NodePool> pools, Instant now) {
    return decide(nodes, pools, new PoolBudgets(nodes, pools, Set.of(), now), now);
  }

  /** Decides within {@code budgets}, which count the nodes it disrupts. */
  public List<Command> decide(
      List<FleetNode> nodes, List<NodePool> pools, PoolBudgets budgets, Instant now) {
    List<Command> commands = new ArrayList<>();
    for (NodePool pool : pools) {
      List<FleetNode> idle =
          nodes.stream().filter(n -> n.pool().equals(pool.name()) && !n.disrupting()).toList();
      Disruption d = pool.disruption();
      List<FleetNode> expired = new ArrayList<>();
      if (d.expireAfter() != null) {
        for (FleetNode n : idle) {
          if (!now.isBefore(n.launchedAt().plus(d.expireAfter()))) {
            expired.add(n);
            budgets.take(pool.name());
            commands.add(new Disrupt(n.name(), DisruptionDecision.EXPIRED));
          }
        }
      }
      if (d.consolidationPolicy() == Disruption.ConsolidationPolicy.NONE
          || d.consolidateAfter() == null) {
        continue;
      }
      List<FleetNode> empty =
          idle.stream()
              .filter(n -> !expired.contains(n) && !n.doNotDisrupt() && n.emptySince().isPresent())
              .filter(n -> !now.isBefore(n.emptySince().get().plus(d.consolidateAfter())))
              .sorted(
                  Comparator.comparing((FleetNode n) -> n.emptySince().get())
                      .thenComparing(FleetNode::name))
              .toList();
      for (FleetNode n : empty) {
        if (budgets.allowed(pool.name(), DisruptionDecision.EMPTY) <= 0) {
          break;
        }
        budgets.take(pool.name());
        commands.add(new Disrupt(n.name(), DisruptionDecision.EMPTY));
      }
    }
    return commands;
  }
}
