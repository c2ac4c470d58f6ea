package io.flotilla.control.disruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Disrupt;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The voluntary disruptions that need no scheduling simulation, per pool as Karpenter v1 does them:
 * expiry ({@code expireAfter}), which is forceful (no budget, no do-not-disrupt holds it; the drain
 * still respects PodDisruptionBudgets), then emptiness: nodes empty for {@code consolidateAfter}
 * under a consolidation policy, longest empty first, as many as the pool's disruption budgets for
 * the reason {@code Empty} allow beside the nodes already being disrupted.
 */
public final class EmptinessAndExpiry {
  static final String EMPTY = "Empty";

  public List<Command> decide(List<FleetNode> nodes, List<NodePool> pools, Instant now) {
    List<Command> commands = new ArrayList<>();
    for (NodePool pool : pools) {
      List<FleetNode> mine = nodes.stream().filter(n -> n.pool().equals(pool.name())).toList();
      Disruption d = pool.disruption();
      int disrupting = (int) mine.stream().filter(FleetNode::disrupting).count();
      List<FleetNode> idle = mine.stream().filter(n -> !n.disrupting()).toList();
      List<FleetNode> expired = new ArrayList<>();
      if (d.expireAfter() != null) {
        for (FleetNode n : idle) {
          if (!now.isBefore(n.launchedAt().plus(d.expireAfter()))) {
            expired.add(n);
            commands.add(new Disrupt(n.name(), "expired after " + d.expireAfter()));
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
      int allowed = d.disruptionsAllowed(mine.size(), disrupting + expired.size(), now, EMPTY);
      for (FleetNode n : empty.subList(0, Math.min(allowed, empty.size()))) {
        commands.add(new Disrupt(n.name(), "empty for " + d.consolidateAfter()));
      }
    }
    return commands;
  }
}
