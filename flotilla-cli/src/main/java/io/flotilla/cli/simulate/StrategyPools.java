package io.flotilla.cli.simulate;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The NodePools each strategy may launch from. */
final class StrategyPools {
  /** The pool of the on-demand-x86 baseline. */
  static final String ON_DEMAND_X86 = "on-demand-x86";

  private StrategyPools() {}

  /**
   * Cluster Autoscaler's node groups: each launches only the instance type its template is built
   * from (the first it names), so every node of a group has the same size, as CA assumes; the
   * priority expander's order is the pools' weight, first group highest.
   */
  static List<NodePool> nodeGroups(List<NodePool> groups, Map<String, String> firstTypes) {
    List<NodePool> sized = new ArrayList<>();
    int weight = groups.size();
    for (NodePool g : groups) {
      String type = firstTypes.getOrDefault(g.name(), FirstInstanceTypes.EKSCTL_DEFAULT);
      List<Requirement> requirements = new ArrayList<>();
      for (Requirement r : g.requirements().list()) {
        if (!r.key().equals(WellKnownLabels.INSTANCE_TYPE)) {
          requirements.add(r);
        }
      }
      requirements.add(Requirement.in(WellKnownLabels.INSTANCE_TYPE, type));
      sized.add(g.withRequirements(new Requirements(requirements)).withWeight(weight--));
    }
    return sized;
  }

  /**
   * The baseline: the workloads' own pools narrowed to on-demand amd64 (those that cannot offer it,
   * e.g. Graviton-only pools, are dropped), and after them a general pool of on-demand amd64 types
   * of current generations (c, m, r; generation 5 or later) with Karpenter's default disruption, so
   * that workloads whose pools were all dropped still have somewhere to go.
   */
  static List<NodePool> onDemandX86(List<NodePool> pools) {
    Requirements x86 =
        Requirements.of(
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"),
            Requirement.in(WellKnownLabels.ARCH, "amd64"));
    List<NodePool> narrowed = new ArrayList<>();
    int lowest = 0;
    for (NodePool p : pools) {
      if (p.requirements().compatibleWith(x86)) {
        narrowed.add(p.withRequirements(p.requirements().and(x86)));
        lowest = Math.min(lowest, p.weight());
      }
    }
    narrowed.add(
        new NodePool(
            ON_DEMAND_X86,
            lowest - 1,
            Requirements.of(
                Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"),
                Requirement.in(WellKnownLabels.ARCH, "amd64"),
                Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r"),
                Requirement.of(WellKnownLabels.INSTANCE_GENERATION, Operator.GT, List.of("4"))),
            Map.of(),
            List.of(),
            List.of(),
            null,
            null,
            null,
            Disruption.DEFAULT,
            null,
            NodePool.Api.V1));
    return narrowed;
  }
}
