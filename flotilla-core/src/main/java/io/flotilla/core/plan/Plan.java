package io.flotilla.core.plan;

import java.util.List;

/**
 * The planner's decision: pods onto existing nodes, new nodes to launch, and the pods that fit
 * nowhere. A value: adapters print it, simulate it or carry it out.
 */
public record Plan(List<PlannedNode> nodes, List<Unschedulable> unschedulable) {
  public Plan {
    nodes = List.copyOf(nodes);
    unschedulable = List.copyOf(unschedulable);
  }

  public List<PlannedNode> newNodes() {
    return nodes.stream().filter(n -> !n.existing()).toList();
  }

  /** The hourly cost of the nodes this plan launches. */
  public double newCostPerHour() {
    return newNodes().stream().mapToDouble(PlannedNode::pricePerHour).sum();
  }
}
